/**
 * Names and places of WordPress media: where an uploaded file's URL points inside
 * `wp-content/uploads`, and the ASCII-safe name it gets in the site's `content/media/`.
 */
import { createHash } from 'node:crypto';
import { asciiSlug } from '../../newsroom/slug.ts';

/** File types the site's image pipeline takes; other uploads (PDFs, audio) stay remote. */
export const IMAGE_EXTENSIONS = new Set(['jpg', 'jpeg', 'png', 'gif', 'webp', 'avif', 'svg']);

/**
 * The path inside the uploads folder of a URL (`2022/01/photo.jpg`), decoded, or undefined when
 * the URL is not an upload. Works for CDN copies too (`i0.wp.com/old.example/wp-content/uploads/…`).
 */
export function uploadsPathOf(url: string): string | undefined {
	let pathname: string;
	try {
		pathname = decodeURIComponent(new URL(url).pathname);
	} catch {
		return undefined;
	}
	const at = pathname.indexOf('/wp-content/uploads/');
	if (at === -1) return undefined;
	const inside = pathname.slice(at + '/wp-content/uploads/'.length);
	// Never outside the uploads folder, whatever the URL says.
	if (inside === '' || inside.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) return undefined;
	return inside;
}

/** The original of a resized copy (`photo-300x200.jpg` → `photo.jpg`), or undefined when it is not one. */
export function originalOf(uploadsPath: string): string | undefined {
	const original = uploadsPath.replace(/-\d+x\d+(\.[^./]+)$/, '$1');
	return original === uploadsPath ? undefined : original;
}

/** The extension, lower-case, without the dot; '' when there is none. */
export function extensionOf(path: string): string {
	const match = /\.([^./]+)$/.exec(path);
	return match ? match[1]!.toLowerCase() : '';
}

/**
 * The name of an upload in `content/media/`: its year and month folders and its name in ASCII
 * (`2022/01/صورة-الرئيس.JPG` → `2022-01-swra-alrys.jpg`); a name that spells nothing gets 8
 * hex digits of its path's hash.
 */
export function mediaNameOf(uploadsPath: string): string {
	const extension = extensionOf(uploadsPath);
	const segments = uploadsPath.split('/');
	const base = segments.pop()!.replace(/\.[^.]+$/, '');
	const folders = segments.map((segment) => asciiSlug(segment)).filter(Boolean);
	const stem = asciiSlug(base.replace(/[_.]+/g, ' ')) || createHash('sha256').update(uploadsPath).digest('hex').slice(0, 8);
	return `${[...folders, stem].join('-')}${extension ? `.${extension}` : ''}`;
}

/** A second name for a different file that would get the same name: the hash of its path added. */
export function distinctMediaName(name: string, uploadsPath: string): string {
	const hash = createHash('sha256').update(uploadsPath).digest('hex').slice(0, 8);
	return name.replace(/(\.[^.]+)?$/, (extension) => `-${hash}${extension}`);
}
