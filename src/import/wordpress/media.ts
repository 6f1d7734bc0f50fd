/**
 * Names and places of WordPress media: where an uploaded file's URL points inside
 * `wp-content/uploads`, and the ASCII-safe name it gets in the site's `content/media/`; and
 * the library of uploads an import copies.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
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
	if (
		inside === '' ||
		inside.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')
	)
		return undefined;
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
	const stem =
		asciiSlug(base.replace(/[_.]+/g, ' ')) ||
		createHash('sha256').update(uploadsPath).digest('hex').slice(0, 8);
	return `${[...folders, stem].join('-')}${extension ? `.${extension}` : ''}`;
}

/** A second name for a different file that would get the same name: the hash of its path added. */
export function distinctMediaName(name: string, uploadsPath: string): string {
	const hash = createHash('sha256').update(uploadsPath).digest('hex').slice(0, 8);
	return name.replace(/(\.[^.]+)?$/, (extension) => `-${hash}${extension}`);
}

/**
 * The uploads folder and the media files chosen from it: each upload gets one name in
 * `content/media/`, the same on every run.
 */
export class MediaLibrary {
	readonly chosen = new Map<string, { name: string; source: string }>();
	private readonly names = new Map<string, string>();
	private readonly uploads: string | undefined;
	constructor(uploads: string | undefined) {
		this.uploads = uploads === undefined ? undefined : resolve(uploads);
	}

	/** The local name of the upload at `url`, or why there is none. */
	resolve(url: string): { kind: 'local'; name: string } | { kind: 'remote' } | { kind: 'missing' } {
		const inside = uploadsPathOf(url);
		if (this.uploads === undefined || inside === undefined || !IMAGE_EXTENSIONS.has(extensionOf(inside)))
			return { kind: 'remote' };
		for (const candidate of [inside, originalOf(inside)]) {
			if (candidate === undefined) continue;
			const known = this.chosen.get(candidate);
			if (known) return { kind: 'local', name: known.name };
			const source = join(this.uploads, ...candidate.split('/'));
			if (!source.startsWith(this.uploads + sep) || !existsSync(source)) continue;
			let name = mediaNameOf(candidate);
			if (this.names.has(name) && this.names.get(name) !== candidate)
				name = distinctMediaName(name, candidate);
			this.names.set(name, candidate);
			this.chosen.set(candidate, { name, source });
			return { kind: 'local', name };
		}
		return { kind: 'missing' };
	}
}
