/** Packages that ship no types of their own; only what the project uses of them. */

declare module 'subset-font' {
	/** Subsets a font to `text`'s characters with HarfBuzz, keeping their shaping. */
	export default function subsetFont(
		font: Buffer,
		text: string,
		options?: { targetFormat?: 'woff2' | 'woff' | 'truetype' | 'sfnt' },
	): Promise<Buffer>;
}

declare module 'decap-cms-locales/dist/esm/en/index.js' {
	/** Decap's English interface strings: nested objects of strings. */
	const en: Record<string, unknown>;
	export default en;
}
