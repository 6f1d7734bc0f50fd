import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';

/**
 * The pictures of article cards, made once per build for every published article. A card that
 * called `<Image>` itself made Astro's incremental build record each of its transforms on every
 * page showing the card (the thumbnails were 95% of Astro's page manifest, which cannot pass
 * 512 MiB); made here, while the newsroom is read in `getStaticPaths` and outside any page's
 * render, they are recorded on no page and generated on every build (docs/performance.md).
 */

/** The card sizes: a thumbnail beside a headline, and the large picture of a top story. */
export const cardSizes = {
	thumbnail: { widths: [240, 480], sizes: '(min-width: 40rem) 12rem, 35vw' },
	large: { widths: [480, 800, 1200], sizes: '(min-width: 60rem) 44rem, 100vw' },
} as const;

export type CardSize = keyof typeof cardSizes;

/** What an `<img>` of a card needs. */
export interface CardPicture {
	src: string;
	srcset: string;
	width: number;
	height: number;
}

export type CardPictures = Record<CardSize, CardPicture>;

/**
 * The card pictures of each image. Keyed by the image itself: reading a property of an imported
 * image (its `src`) outside `getImage` tells Astro a page uses the original file, which it then
 * copies into the site.
 */
export async function cardPictures(
	images: Iterable<ImageMetadata>,
): Promise<Map<ImageMetadata, CardPictures>> {
	const pictures = new Map<ImageMetadata, CardPictures>();
	for (const image of images) {
		if (pictures.has(image)) continue;
		const [thumbnail, large] = await Promise.all([picture(image, 'thumbnail'), picture(image, 'large')]);
		pictures.set(image, { thumbnail, large });
	}
	return pictures;
}

async function picture(image: ImageMetadata, size: CardSize): Promise<CardPicture> {
	const { widths, sizes } = cardSizes[size];
	const made = await getImage({ src: image, widths: [...widths], sizes });
	return {
		src: made.src,
		srcset: made.srcSet.attribute,
		width: Number(made.attributes.width),
		height: Number(made.attributes.height),
	};
}
