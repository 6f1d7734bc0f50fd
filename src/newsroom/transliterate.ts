/**
 * Arabic (and Latin) text spelled as lower-case ASCII words: the part of slug making that needs
 * no Node API, so that the browser (the CMS's upload renaming) spells names exactly as the importer does.
 */

/**
 * Latin spelling of each Arabic letter: fixed and context-free, so a title always gives the
 * same slug. Changing an entry changes the slug of every title with that letter, and
 * re-importing such an article would then create a second copy instead of finding the first.
 * Letters mapped to '' (bare hamza) vanish inside the word instead of splitting it.
 */
const ARABIC_TO_LATIN: Readonly<Record<string, string>> = {
	ا: 'a',
	أ: 'a',
	إ: 'i',
	آ: 'a',
	ٱ: 'a',
	ء: '',
	ؤ: 'u',
	ئ: 'i',
	ب: 'b',
	ت: 't',
	ث: 'th',
	ج: 'j',
	ح: 'h',
	خ: 'kh',
	د: 'd',
	ذ: 'dh',
	ر: 'r',
	ز: 'z',
	س: 's',
	ش: 'sh',
	ص: 's',
	ض: 'd',
	ط: 't',
	ظ: 'z',
	ع: 'a',
	غ: 'gh',
	ف: 'f',
	ق: 'q',
	ك: 'k',
	ل: 'l',
	م: 'm',
	ن: 'n',
	ه: 'h',
	ة: 'a',
	و: 'w',
	ي: 'y',
	ى: 'a',
	// Persian and Maghrebi letters that turn up in names.
	پ: 'p',
	چ: 'ch',
	ژ: 'zh',
	گ: 'g',
	ک: 'k',
	ی: 'y',
	ڤ: 'v',
	ڨ: 'g',
};

/** Short vowels, shadda, tatweel and other marks: written over a letter, they add nothing to a slug. */
// The marks are matched alone, not combined with a letter; ESLint's warning about them does not apply.
const SILENT_INSIDE_WORD =
	// eslint-disable-next-line no-misleading-character-class
	/[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u0300-\u036F'’\u200C\u200D]/u;

/** Arabic-Indic (U+0660…) and Persian (U+06F0…) digits. */
const EASTERN_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/u;

export const SLUG_MAX_WORDS = 8;
export const SLUG_MAX_LENGTH = 60;

/** The Latin spelling of one character, '' if it is silent, or null if it separates words. */
function latinOf(char: string): string | null {
	if (Object.hasOwn(ARABIC_TO_LATIN, char)) return ARABIC_TO_LATIN[char];
	if (SILENT_INSIDE_WORD.test(char)) return '';
	if (EASTERN_DIGIT.test(char)) {
		const codePoint = char.codePointAt(0)!;
		return String(codePoint - (codePoint >= 0x06f0 ? 0x06f0 : 0x0660));
	}
	const latin = char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
	return /^[a-z0-9]+$/.test(latin) ? latin : null;
}

/** The title as ASCII words, in order; characters that spell nothing split words. */
function latinWords(title: string): string[] {
	const words: string[] = [];
	let word = '';
	for (const char of title) {
		const latin = latinOf(char);
		if (latin === null) {
			if (word) words.push(word);
			word = '';
		} else {
			word += latin;
		}
	}
	if (word) words.push(word);
	return words;
}

/** Keeps whole words up to the limits; a single over-long first word is cut. */
function shorten(words: readonly string[]): string {
	let slug = '';
	for (const word of words.slice(0, SLUG_MAX_WORDS)) {
		const longer = slug ? `${slug}-${word}` : word;
		if (longer.length > SLUG_MAX_LENGTH) return slug || word.slice(0, SLUG_MAX_LENGTH);
		slug = longer;
	}
	return slug;
}

/** `text` as lower-case ASCII words joined by '-', within the slug limits; '' if it spells nothing. */
export function asciiSlug(text: string): string {
	return shorten(latinWords(text.normalize('NFKC')));
}
