/**
 * Spacing of text scraped from the old site, normalised by rules that touch only spaces: no
 * letter, digit or mark is added, removed or moved. «توكاييف ،» → «توكاييف،»,
 * «انقلاب ..وبوتين :لن» → «انقلاب.. وبوتين: لن», «و أكد» → «وأكد». Each rule applies next to
 * Arabic letters only, so Latin text, numbers (3.4, 10:30) and links (https://) are left alone.
 */

/** Punctuation that sits against the word before it and is followed by a space. */
const PUNCTUATION = String.raw`(?:[،؛؟:!]|\.{2,}|…)`;
const ARABIC = String.raw`\p{Script=Arabic}`;

/** «توكاييف ،» → «توكاييف،»: no space between an Arabic word and the punctuation after it. */
const SPACE_BEFORE = new RegExp(String.raw`(?<=${ARABIC})[ \t\u00a0]+(?=${PUNCTUATION})`, 'gu');

/** «:لن» → «: لن»: one space between punctuation and the Arabic word after it. */
const NO_SPACE_AFTER = new RegExp(String.raw`(?<=${PUNCTUATION})(?=${ARABIC})`, 'gu');

/** «و أكد» → «وأكد»: the conjunction و is written joined to the next word, never alone. */
const LONE_WAW = /(?<=(?:^|[\s\p{P}])و)[ \t\u00a0]+(?=\p{Script=Arabic})/gu;

/** Runs of spaces inside a line become one (the scraper doubled some). */
const SPACE_RUN = /(?<=\S)[ \t\u00a0]{2,}(?=\S)/gu;

/** Normalises the spacing of one line or paragraph of the old site's Arabic text. */
export function normaliseArabicSpacing(text: string): string {
	return text
		.replace(SPACE_RUN, ' ')
		.replace(SPACE_BEFORE, '')
		.replace(NO_SPACE_AFTER, ' ')
		.replace(LONE_WAW, '');
}
