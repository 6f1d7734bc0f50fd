/**
 * Arabic analysis for search, run identically on the indexed text and on the reader's query
 * (see `search-text.ts`). It turns a word into the forms a reader may look for:
 *
 * - the *primary* form, the one a query word becomes: the article and its compounds
 *   (ال، وال، بال، لل ...) removed, sound masculine plurals reduced, spelling variants folded;
 * - *alternatives*, indexed at the same position but never produced by a query: the word
 *   without a single-letter proclitic (و ف ب ك ل), without a pronoun or dual suffix, and the
 *   singular and plural of a feminine noun. A lone و is a conjunction in «ووزير» and a root letter
 *   in «وزير»; indexing both readings and stripping nothing single-lettered from the query
 *   finds «وزير» for «الوزير» without turning «وزير» into «زير» for the reader.
 *
 * Precision matters as much as recall: suffixes that also end ordinary words (the nisba ي of
 * «الرياضي», the ة of «جامعة», the ان of «لبنان») are never removed from the primary form, so
 * «الرياض» does not find «الرياضي» and «جامع» does not find «جامعة».
 * Rules follow Lucene's ArabicNormalizer and light10 stemmer, with the hamza seats folded as
 * ISRI does; see docs/arabic-search.md in the shared notes.
 *
 * What affixes cannot reach is related in `arabic-related.ts`, each candidate used only where
 * the other form is in the index (`search-related.ts` at build time, `search-fallback.ts` on the
 * search page):
 * - *place and demonym* («روسيا»/«الروسي», «العراق»/«العراقيين»): names from CLDR
 *   (`Intl.DisplayNames('ar')`, and CLDR's exemplar cities of the Arab world), adjectives by the
 *   regular patterns; a city whose adjective Hunspell's Arabic dictionary knows as another
 *   word's nisba («الرياض»/«رياضة») keeps none. Generated into `arabic-places.ts` by
 *   `tools/make-arabic-places.ts`;
 * - *broken plurals* («سفراء»/«سفير», «مساجد»/«مسجد», «قبائل»/«قبيلة») by the pattern pairs of
 *   Arabic morphology, beside the few pairs of `BROKEN_PLURALS` below, which no pattern gives;
 * - *verbs and verbal nouns* («أصدرت»/«يصدر»/«إصدار», «وقّع»/«توقيع») by the derived forms' masdar
 *   patterns, a verb's tenses taken back to its stem;
 * - *feminine titles* («وزير»/«وزيرة», «مستشار»/«مستشارة»).
 * A misspelled query that finds nothing gets a "did you mean" (`search-suggest.ts`).
 */

/** Diacritics (harakat, tanwin, shadda, sukun, dagger alef, Quranic marks) and tatweel. */
const MARKS =
	/[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u08D3-\u08E1\u08E3-\u08FF\u0640]/g;
/** Invisible format characters: soft hyphen, ALM, ZWSP, ZWNJ, ZWJ, LRM/RLM, bidi embeddings and isolates, word joiner, BOM. */
const FORMAT = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Letters folded before analysis; hamza'd alefs, ة, ؤ and ئ are kept until the end, affixes depend on them. */
const EARLY_FOLDS: Record<string, string> = {
	'\u0671': 'ا', // alef wasla
	'\u0672': 'ا',
	'\u0673': 'ا',
	'\u0675': 'ا',
	ى: 'ي',
	'\u06CC': 'ي', // Persian yeh
	'\u06D2': 'ي', // yeh barree
	'\u06A9': 'ك', // keheh
	'\u06AA': 'ك',
	'\u06C0': 'ة', // heh with yeh above
	'\u06C1': 'ه',
	'\u06BE': 'ه',
	'\u06D5': 'ه',
};
const EARLY = new RegExp(`[${Object.keys(EARLY_FOLDS).join('')}]`, 'g');

/**
 * Compatibility normalisation, then diacritics, tatweel and invisible characters removed,
 * variant letters folded and every digit made ASCII. NFKC comes first: it turns presentation
 * forms and ligatures (ﻻ, ﷲ) into letters that the rest can see.
 */
export function normaliseArabic(text: string): string {
	return text
		.normalize('NFKC')
		.replace(FORMAT, '')
		.replace(MARKS, '')
		.replace(EARLY, (letter) => EARLY_FOLDS[letter]!)
		.replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
		.replace(/[\u06F0-\u06F9]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0));
}

/** The last folds: alef forms to ا, hamza seats to ء (so «مسؤول» meets «مسئول»), ة to ه. */
export function foldArabic(word: string): string {
	return word
		.replace(/[أإآ]/g, 'ا')
		.replace(/[ؤئ]/g, 'ء')
		.replace(/ي?ء$/, 'ء') // «شيء»/«شئ», «شاطئ»/«شاطىء»
		.replace(/ة/g, 'ه');
}

/** Words that begin with the letters of the article but do not carry it. */
const NOT_ARTICLE = new Set(['الله', 'اللهم']);
/** Words that end like a sound plural but are not one: «خمسين» is not «five», «البحرين» not «sea». */
const NOT_PLURAL = new Set(
	['عشر', 'ثلاث', 'اربع', 'خمس', 'ست', 'سبع', 'ثمان', 'تسع', 'بحر', 'زيت', 'كان'].flatMap((stem) => [
		`${stem}ين`,
		`${stem}ون`,
	]),
);
/** Words whose first letter looks like a proclitic but belongs to the root, and whose rest is another word: «فكرة» is not «كرة», «بطاقة» (card) not «طاقة». */
const ROOT_INITIAL = /^(فكر|لجن|بطاق)/;
/** Masculine nouns that a feminine plural must not find: «الجامعات» (universities) is not «جامع» (mosque). */
export const NOT_SINGULAR = new Set(['جامع', 'عمل', 'حمل']);

/** Article compounds, longest first, with the letters that must remain. */
const ARTICLES: [prefix: string, minimum: number][] = [
	['وبال', 3],
	['وكال', 3],
	['فبال', 3],
	['فكال', 3],
	['ولل', 3],
	['فلل', 3],
	['وال', 3],
	['فال', 3],
	['بال', 3],
	['كال', 3],
	['لل', 2],
	['ال', 2],
];
/** Pronoun suffixes, longest first. ه only ever follows a word that does not end in ة. */
const PRONOUNS = ['هما', 'كما', 'ها', 'هم', 'هن', 'كم', 'كن', 'نا', 'ه'];

/**
 * Broken plurals a light stemmer cannot reach, plural to singular, in folded form. A plural is
 * analysed as its singular, so each finds the other. Kept to pairs that are unambiguous in news.
 */
const BROKEN_PLURALS: Record<string, string> = {
	مدن: 'مدينه',
	امراض: 'مرض',
	اشهر: 'شهر',
	شهور: 'شهر',
	اطفال: 'طفل',
	اسواق: 'سوق',
	دول: 'دوله',
	بلدان: 'بلد',
	رجال: 'رجل',
	نساء: 'امراه',
	اسعار: 'سعر',
	اخبار: 'خبر',
	وزراء: 'وزير',
	رءساء: 'رءيس',
	اشخاص: 'شخص',
	ايام: 'يوم',
	اعوام: 'عام',
	سنين: 'سنه',
	قري: 'قريه',
	مشاريع: 'مشروع',
	طلاب: 'طالب',
	مدارس: 'مدرسه',
	جيوش: 'جيش',
	احزاب: 'حزب',
	شعوب: 'شعب',
	بيوت: 'بيت',
	منازل: 'منزل',
	حروب: 'حرب',
	اعضاء: 'عضو',
	قاده: 'قاءد',
	نواب: 'ناءب',
	سفراء: 'سفير',
	بنوك: 'بنك',
	مصارف: 'مصرف',
	ملوك: 'ملك',
	امراء: 'امير',
	علماء: 'عالم',
	اسري: 'اسير',
	سجناء: 'سجين',
	جرحي: 'جريح',
	قتلي: 'قتيل',
	مواقع: 'موقع',
	مصادر: 'مصدر',
	مساجد: 'مسجد',
	جوامع: 'جامع',
	اسلحه: 'سلاح',
	قوانين: 'قانون',
	مستشفيات: 'مستشفي',
	موانء: 'ميناء',
	شركاء: 'شريك',
	ابناء: 'ابن',
	اولاد: 'ولد',
	مناطق: 'منطقه',
	طرق: 'طريق',
	شوارع: 'شارع',
	فنادق: 'فندق',
	مباني: 'مبني',
	ملاعب: 'ملعب',
	مسارح: 'مسرح',
	متاحف: 'متحف',
	مكاتب: 'مكتب',
	لجان: 'لجنه',
	اسر: 'اسره',
	الاف: 'الف',
	عواصم: 'عاصمه',
	انهار: 'نهر',
	بحار: 'بحر',
	جبال: 'جبل',
	مخاطر: 'خطر',
	اخطار: 'خطر',
	ادويه: 'دواء',
	اطباء: 'طبيب',
};

const letters = (word: string) => [...word].length;

/** What an Arabic word is indexed under: the form a query takes, and every form it may be found by. */
export interface WordForms {
	/** The form the same word takes in a query. */
	primary: string;
	/** Every form to index, the primary first. */
	forms: string[];
}

/**
 * The forms of one Arabic word, already through `normaliseArabic` and holding Arabic letters only.
 */
export function arabicWordForms(word: string): WordForms {
	const forms = new Set<string>();
	const primary = stemForms(articleStripped(word) ?? word, forms);
	for (const alternative of alternativeReadings(word)) stemForms(alternative, forms);
	forms.delete(primary);
	return { primary, forms: [primary, ...forms] };
}

/** The word without its article, when it has one and enough letters remain. */
function articleStripped(word: string): string | undefined {
	if (NOT_ARTICLE.has(word)) return undefined;
	for (const [prefix, minimum] of ARTICLES) {
		if (word.startsWith(prefix) && letters(word) - prefix.length >= minimum) return word.slice(prefix.length);
	}
	return undefined;
}

/**
 * Readings of the word that the primary form does not cover: without a single-letter proclitic
 * (up to two: «وبحسب»; a compound that would leave two letters, «بالحج», goes this way too),
 * without an article written with hamza («ألمانيا» for a query «المانيا»), and ل + article
 * before a lam («للغة»).
 */
function alternativeReadings(word: string, proclitics = /^[وفبكل]/): string[] {
	const readings: string[] = [];
	if (letters(word) >= 4 && proclitics.test(word) && !articleStripped(word) && !ROOT_INITIAL.test(word)) {
		const rest = word.slice(1);
		readings.push(articleStripped(rest) ?? rest);
		// و and ف may be followed by ب, ك or ل: «وبحسب», «فلكل».
		if (/^[وف]/.test(word)) readings.push(...alternativeReadings(rest, /^[بكل]/));
	}
	if (/^[أآ]ل/.test(word) && letters(word) >= 5) readings.push(word.slice(2));
	// ل before an article on a word that starts with ل loses a lam: «للغة» is ل + اللغة.
	if (/^[وف]?لل/.test(word) && letters(word) >= 4) readings.push(word.replace(/^([وف]?)ل/, ''));
	return readings;
}

/**
 * The primary form of a stem (a word without its article) and, into `forms`, its alternatives:
 * suffixes and the singular or plural of a feminine noun.
 */
function stemForms(stem: string, forms: Set<string>): string {
	let primary = stem;
	const alternatives: string[] = [];
	const length = letters(stem);
	const bare = (suffix: string) => stem.slice(0, stem.length - suffix.length);

	// Sound masculine plurals and the oblique dual: removed when four letters remain, else only indexed.
	if (/(ون|ين)$/.test(stem) && !NOT_PLURAL.has(foldArabic(stem))) {
		if (length - 2 >= 4) primary = bare('ين');
		if (length - 2 >= 3) alternatives.push(...withFeminine(bare('ين')));
	}
	// The nominative dual: indexed only («لبنان» stays «لبنان» for a query).
	if (stem.endsWith('ان') && length - 2 >= 4) alternatives.push(...withFeminine(bare('ان')));
	// A feminine nisba is also found by the masculine: «فلسطينية» for «فلسطيني».
	if (stem.endsWith('ية') && length - 1 >= 4) alternatives.push(bare('ة'));
	// A feminine noun and its sound plural find each other; «مطارات» also finds «مطار».
	if (stem.endsWith('ة') && length - 1 >= 2) alternatives.push(bare('ة') + 'ات');
	if (stem.endsWith('ات') && length - 2 >= 2) {
		alternatives.push(bare('ات') + 'ة');
		if (length - 2 >= 3 && !NOT_SINGULAR.has(foldArabic(bare('ات')))) alternatives.push(bare('ات'));
	}
	// Attached pronouns: «حكومتها» is also «حكومة», «أطفالهم» also «أطفال».
	for (const pronoun of PRONOUNS) {
		if (stem.endsWith(pronoun) && length - pronoun.length >= 3) {
			const rest = bare(pronoun);
			alternatives.push(...withFeminine(rest));
			if (rest.endsWith('ات')) alternatives.push(rest.slice(0, -2) + 'ة');
			break;
		}
	}

	const folded = singular(foldArabic(primary));
	forms.add(folded);
	for (const alternative of alternatives) forms.add(singular(foldArabic(alternative)));
	return folded;
}

/** A stem and, when it ends in the ت of a feminine noun before a suffix, the noun itself. */
function withFeminine(stem: string): string[] {
	return stem.endsWith('ت') && letters(stem) >= 3 ? [stem, stem.slice(0, -1) + 'ة'] : [stem];
}

/** A broken plural's singular, or the word itself. */
function singular(folded: string): string {
	return BROKEN_PLURALS[folded] ?? folded;
}
