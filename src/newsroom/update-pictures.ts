import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { localPictures, type PictureAttributes } from '../markdown/pictures.ts';

/** An update's pictures are as wide as its column: the widths and sizes of its own picture too. */
export const UPDATE_PICTURE = { widths: [480, 800], sizes: '(min-width: 50rem) 44rem, 100vw' } as const;

/**
 * The optimised images of the pictures in a live page's update texts, by the path as written.
 * The schema resolved them (`pictures`, in the order `localPictures` finds them); this makes their
 * WebP sizes, as Astro does for a picture in an article's body.
 */
export async function updatePictures(
	updates: readonly { body: string; pictures: ImageMetadata[] }[],
): Promise<Map<string, PictureAttributes>> {
	const found = new Map<string, ImageMetadata>();
	for (const update of updates)
		localPictures(update.body).forEach((path, index) => {
			const image = update.pictures[index];
			if (image && !found.has(path)) found.set(path, image);
		});
	const pictures = new Map<string, PictureAttributes>();
	for (const [path, image] of found) {
		const { src, srcSet, attributes } = await getImage({
			src: image,
			widths: [...UPDATE_PICTURE.widths],
			sizes: UPDATE_PICTURE.sizes,
			format: 'webp',
			loading: 'lazy',
			decoding: 'async',
		});
		pictures.set(path, { ...attributes, src, srcSet: srcSet.attribute });
	}
	return pictures;
}
