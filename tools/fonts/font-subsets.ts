/**
 * The characters the site's fonts keep. The fonts from npm cover far more (Persian, Urdu,
 * Vietnamese, Greek...); cutting them to what Arabic and English news use saves two thirds of
 * the bytes a reader downloads. A character outside these sets still shows, in the reader's
 * system font. Ranges are inclusive code points, written as in a CSS unicode-range.
 */
export const ARABIC_RANGES: [number, number][] = [
	[0x0600, 0x065f], // Arabic letters, tashkeel, Arabic punctuation
	[0x0660, 0x066d], // Arabic-Indic digits and number signs
	[0x0670, 0x0671], // superscript alef, alef wasla
	[0x06f0, 0x06f9], // Eastern Arabic-Indic digits, pasted from Persian keyboards
	[0x200c, 0x200f], // joiners and direction marks
	[0xfdf2, 0xfdf2], // ﷲ
	[0xfdfa, 0xfdfb], // ﷺ ﷻ
	[0xfe70, 0xfefc], // presentation forms, pasted from PDFs
];

export const LATIN_RANGES: [number, number][] = [
	[0x0020, 0x007e], // ASCII
	[0x00a0, 0x00ff], // Latin-1: accents, «», ©, °
	[0x0152, 0x0153], // Œ œ
	[0x2013, 0x2014], // – —
	[0x2018, 0x201e], // ‘ ’ ‚ “ ” „
	[0x2022, 0x2022], // •
	[0x2026, 0x2026], // …
	[0x20ac, 0x20ac], // €
	[0x2122, 0x2122], // ™
];

/** Every character of a list of ranges, as one string. */
export function charactersOf(ranges: [number, number][]): string {
	return ranges
		.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)))
		.join('');
}

/** A CSS unicode-range value for a list of ranges. */
export function unicodeRange(ranges: [number, number][]): string {
	const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
	return ranges
		.map(([from, to]) => (from === to ? `U+${hex(from)}` : `U+${hex(from)}-${hex(to)}`))
		.join(', ');
}

/** Whether a character is in a list of ranges. */
export function covers(ranges: [number, number][], char: string): boolean {
	const code = char.codePointAt(0)!;
	return ranges.some(([from, to]) => code >= from && code <= to);
}
