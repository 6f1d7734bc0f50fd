import { arabicWordForms, NOT_SINGULAR } from './arabic-analyser.ts';
import { AMBIGUOUS_ADJECTIVES, CITY_NAMES, COUNTRY_NAMES } from './arabic-places.ts';

/**
 * Words that are the same word to a reader but that affixes cannot reach, as *candidates*
 * between analysed forms (`arabic-analyser.ts`). A candidate is only ever used where it is
 * confirmed: the other form occurs in the indexed text (`search-related.ts` at build time; the
 * search page, for a query word the index does not have). So a pattern never lands on a word
 * the newsroom never wrote, and a plural of one word never takes another's place.
 *
 * - **Place and demonym**: a country or region (CLDR's Arabic names) or a city of the Arab world
 *   (CLDR's exemplar cities), and its adjective by the regular patterns (روسيا/روسي, العراق/عراقي,
 *   غزة/غزي). Not when the adjective is also the nisba of another word the text has: «الرياضي»
 *   stays «رياضة»'s, not «الرياض»'s.
 * - **Broken plurals** by the pattern pairs of Arabic morphology (`PLURALS`).
 * - **Verbs and verbal nouns**: a past or present verb of a derived form and its masdar
 *   (أصدرت/يصدر/إصدار, وقّع/توقيع, انتخب/انتخاب, ناقش/مناقشة).
 * - **Feminine titles**: فعيل and participles of derived forms and their feminine (وزير/وزيرة).
 */

/** What a pair of forms is: the classes the search is measured by. */
export type Relation = 'demonym' | 'plural' | 'verbal-noun' | 'feminine';

/**
 * A pattern pair in folded letters (ة as ه, hamza seats as ء), 1–4 standing for the root's
 * letters: either side's word is a candidate for the other. `unless` are other patterns: where
 * the text has such a word, the second side belongs to it rather than to the first.
 */
interface Pair {
	a: string;
	b: string;
	relation: Relation;
	unless?: string[];
	/** A shape of the first side the pair does not apply to. */
	not?: string;
	/** Shapes of which the text must have one: a فاعل is a verb («شارك») only where the text conjugates it («يشارك»). */
	requires?: string[];
}

/**
 * Singular (a) and broken plural (b). Left out: patterns whose plural is also a common singular
 * (فعال: «كتاب», «حساب»; فعّال: «كتّاب» of «كاتب» is written «كتاب»). Pairs whose side is also
 * a verb hold only where the text does not conjugate it.
 */
const PLURALS: Pair[] = [
	// Not a person's: «المعلمين» in the text makes «معلم» a teacher, whose plural «معالم» is not.
	{ a: 'م123', b: 'م1ا23', relation: 'plural', unless: ['م123ين'] }, // مكتب/مكاتب، مسجد/مساجد
	{ a: 'م123ه', b: 'م1ا23', relation: 'plural', unless: ['م123'] }, // مدرسة/مدارس
	{ a: 'م12و3', b: 'م1ا2ي3', relation: 'plural' }, // مشروع/مشاريع
	{ a: 'م12ا3', b: 'م1ا2ي3', relation: 'plural' }, // مفتاح/مفاتيح
	{ a: 'ا12و3', b: 'ا1ا2ي3', relation: 'plural' }, // أسلوب/أساليب
	{ a: '123و4', b: '12ا3ي4', relation: 'plural' }, // صندوق/صناديق
	{ a: '123ا4', b: '12ا3ي4', relation: 'plural' }, // عنوان/عناوين
	{ a: '1ا2و3', b: '1وا2ي3', relation: 'plural' }, // قانون/قوانين
	{ a: '12ي3ه', b: '12اء3', relation: 'plural' }, // قبيلة/قبائل
	{ a: '12ا3ه', b: '12اء3', relation: 'plural' }, // رسالة/رسائل
	{ a: '12ي3', b: '123اء', relation: 'plural' }, // سفير/سفراء
	{ a: '12ي3', b: 'ا123اء', relation: 'plural' }, // طبيب/أطباء
	// Not a فاعل the text conjugates as a verb: «شارك» (يشارك) is not «شركاء».
	{ a: '1ا23', b: '123اء', relation: 'plural', unless: ['ي1ا23', 'ت1ا23', '1ا23ت', '1ا23وا'] }, // شاعر/شعراء
	{ a: '12ي3', b: '123ي', relation: 'plural', unless: ['123'] }, // جريح/جرحى, not «عملي» of «عمل»
	{ a: '1ا23', b: '1وا23', relation: 'plural' }, // شارع/شوارع
	{ a: '1ا23ه', b: '1وا23', relation: 'plural', unless: ['1ا23'] }, // عاصمة/عواصم, not «جوامع» of «جامعة»
	{ a: '123', b: 'ا12ا3', relation: 'plural' }, // حزب/أحزاب
	{ a: '123', b: '12و3', relation: 'plural' }, // جيش/جيوش, and the masdar دخل/دخول
	// Not where the text conjugates the plural as a verb: «حقيقة» is not «حقق» (يحقق، حققت).
	{ a: '12ي3ه', b: '123', relation: 'plural', unless: ['ي123', 'ت123', '123ت', '123وا'] }, // صحيفة/صحف
];

/** A verb (a, in the past, third person masculine) and its verbal noun (b). */
const VERBAL_NOUNS: Pair[] = [
	{ a: 'ا123', b: 'ا12ا3', relation: 'verbal-noun' }, // أصدر/إصدار
	{ a: '123', b: 'ت12ي3', relation: 'verbal-noun' }, // وقّع/توقيع
	// «سابق» (former) is not «مسابقة» (contest): only a فاعل the text conjugates is a verb.
	{ a: '1ا23', b: 'م1ا23ه', relation: 'verbal-noun', requires: ['ي1ا23', '1ا23ت', 'ت1ا23', '1ا23وا'] }, // ناقش/مناقشة
	{ a: 'ا1ت23', b: 'ا1ت2ا3', relation: 'verbal-noun' }, // انتخب/انتخاب
	{ a: 'ان123', b: 'ان12ا3', relation: 'verbal-noun' }, // انسحب/انسحاب
	{ a: 'است123', b: 'است12ا3', relation: 'verbal-noun' }, // استقبل/استقبال
	// فِعالة, where the text conjugates the verb: «درس»/«دراسة», not «سفر»/«سفارة».
	{ a: '123', b: '12ا3ه', relation: 'verbal-noun', requires: ['ي123', 'ت123', '123ت', '123وا'] }, // درس/دراسة
];

/** A title and its feminine: فعيل (وزير/وزيرة), فاعل (نائب/نائبة) and participles (مدرب/مدربة, مستشار/مستشارة). */
const FEMININES: Pair[] = [
	{ a: '12ي3', b: '12ي3ه', relation: 'feminine' },
	// فاعل and مفعل are also things: not where the text has their broken plural («جوامع», «مكاتب»).
	{ a: '1ا23', b: '1ا23ه', relation: 'feminine', unless: ['1وا23'] },
	{ a: 'م123', b: 'م123ه', relation: 'feminine', unless: ['م1ا23'] },
	// Not مفاعل: «مساعدة» (help) is the verbal noun, not «مساعد» (assistant) as a woman.
	{ a: 'م1234', b: 'م1234ه', relation: 'feminine', not: 'م1ا23' },
	{ a: 'م12345', b: 'م12345ه', relation: 'feminine' },
];

const PAIRS = [...PLURALS, ...VERBAL_NOUNS, ...FEMININES];

/** Shapes of a verb's stem (past, third person masculine) that present tenses and suffixes are taken back to. */
const VERB_STEMS = ['123', 'ا123', '1ا23', 'ا1ت23', 'ان123', 'است123', 'ت123', 'ت1ا23'].map(compile);

interface Compiled {
	pattern: string;
	regex: RegExp;
}

function compile(pattern: string): Compiled {
	return { pattern, regex: new RegExp(`^${pattern.replace(/[1-5]/g, '([\\u0621-\\u064A])')}$`) };
}

const COMPILED = PAIRS.map((pair) => ({
	...pair,
	from: [compile(pair.a), compile(pair.b)] as const,
	not: pair.not ? compile(pair.not) : undefined,
}));

/**
 * Prepositions and adverbs, which look like nouns of a pattern: «قبل» (before) is not «قبول»
 * (acceptance) nor «إقبال» (turnout). A closed class, so a list.
 */
const FUNCTION_WORDS = new Set([
	'قبل',
	'بعد',
	'حول',
	'عند',
	'دون',
	'خلال',
	'ضد',
	'نحو',
	'عبر',
	'بين',
	'فوق',
	'تحت',
	'امام',
	'خلف',
	'منذ',
	'حتي',
	'لدي',
	'غير',
	'سوي',
	'حيث',
	'كان',
	'ليس',
	'اذا',
	'لكن',
	'مثل',
	'عدد',
	'كما',
	'وسط',
]);

/** The root letters of `word` in `pattern`, or undefined when it does not fit. */
function rootOf(word: string, pattern: Compiled): string[] | undefined {
	return pattern.regex.exec(word)?.slice(1);
}

/** `pattern` with its numbered places filled by `root`. */
function fill(pattern: string, root: string[]): string {
	return pattern.replace(/[1-5]/g, (digit) => root[Number(digit) - 1]!);
}

/** A candidate form and what relates it. */
export interface Candidate {
	form: string;
	relation: Relation;
	/** Forms whose presence in the text means the candidate belongs to another word. */
	unless?: string[];
	/** Forms of which the text must have one for the candidate to hold. */
	requires?: string[];
}

/** Pattern candidates of one analysed form, both ways. */
function patternCandidates(form: string): Candidate[] {
	const found: Candidate[] = [];
	for (const pair of COMPILED) {
		for (const side of [0, 1] as const) {
			const root = rootOf(form, pair.from[side]);
			if (!root || (pair.not && pair.not.regex.test(fill(pair.a, root)))) continue;
			// A masculine the analyser knows to be a thing («جامع», mosque) has no feminine title.
			if (pair.relation === 'feminine' && NOT_SINGULAR.has(fill(pair.a, root))) continue;
			const other = side === 0 ? pair.b : pair.a;
			found.push({
				form: fill(other, root),
				relation: pair.relation,
				...(pair.unless ? { unless: pair.unless.map((shape) => fill(shape, root)) } : {}),
				...(pair.requires ? { requires: pair.requires.map((shape) => asAnalysed(fill(shape, root))) } : {}),
			});
		}
	}
	return found.filter((candidate) => candidate.form !== form);
}

/** The past stem of a verb form: «اصدرت» and «يصدر» are «اصدر», «سينتخب» is «انتخب». */
function verbStems(form: string): string[] {
	const stems = new Set<string>();
	const past = /^(.{3,})(ت|وا)$/.exec(form)?.[1];
	if (past) stems.add(past);
	const present = /^س?[يت](.{3,})$/.exec(form)?.[1];
	if (present) {
		stems.add(present);
		stems.add(`ا${present}`);
		// A first radical hamza: «يؤكد» is «أكد».
		if (present.startsWith('ء')) stems.add(`ا${present.slice(1)}`);
	}
	return [...stems].filter((stem) => stem !== form && VERB_STEMS.some((pattern) => pattern.regex.test(stem)));
}

/** Past and present forms of a verb stem, the way «اصدر» is written «اصدرت» and «يصدر». */
function verbInflections(stem: string): string[] {
	if (!VERB_STEMS.some((pattern) => pattern.regex.test(stem))) return [];
	const present = stem.startsWith('ا') ? stem.slice(1) : stem;
	const inflections = [`${stem}ت`, `${stem}وا`, `ي${present}`, `ت${present}`];
	// A first radical hamza keeps it: «أكّد», «يؤكّد».
	if (stem.startsWith('ا') && stem.length === 3) inflections.push(`يء${present}`, `تء${present}`);
	return inflections;
}

/** Place form → its demonym forms, and the reverse; built once from the names. */
let demonymTable: Map<string, Candidate[]> | undefined;
/** Analysed forms of the place names: proper nouns, which no pattern pair applies to («الجزائر» is not «جزائر», islands). */
const places = new Set<string>();

/** The adjective of a place name by the regular patterns: drop a final ا or ة, keep ان; add ي. */
function demonymsOf(name: string): string[] {
	const bare = name.replace(/^(ال)/, '');
	if (/يا$|ية$/.test(bare)) return [bare.slice(0, -1)];
	if (/[اة]$/.test(bare)) return [`${bare.slice(0, -1)}ي`];
	if (/ي$/.test(bare)) return [];
	return [`${bare}ي`];
}

function demonyms(): Map<string, Candidate[]> {
	if (demonymTable) return demonymTable;
	demonymTable = new Map();
	const add = (from: string, candidate: Candidate) => {
		const list = demonymTable!.get(from) ?? [];
		list.push(candidate);
		demonymTable!.set(from, list);
	};
	const ambiguous = new Set(AMBIGUOUS_ADJECTIVES);
	for (const name of [...COUNTRY_NAMES, ...CITY_NAMES]) {
		const place = arabicWordForms(name).primary;
		places.add(place);
		if (ambiguous.has(name)) continue;
		for (const adjective of demonymsOf(name)) {
			const masculine = arabicWordForms(adjective).primary;
			const feminine = arabicWordForms(`${adjective}ة`).primary;
			// «رياضي» is also the adjective of «رياضة»: where the text has that, it is not «الرياض»'s.
			const unless = [`${masculine.slice(0, -1)}ه`];
			for (const form of [masculine, feminine]) {
				add(place, { form, relation: 'demonym', unless });
				add(form, { form: place, relation: 'demonym', unless });
			}
			add(masculine, { form: feminine, relation: 'demonym' });
			add(feminine, { form: masculine, relation: 'demonym' });
		}
	}
	return demonymTable;
}

const candidateCache = new Map<string, Candidate[]>();

/**
 * The shapes a form may have had before the analyser reduced it: «عناوين» is analysed as
 * «عناو» (a sound plural's ين removed), «انتخابات» also stands for «انتخاب».
 */
function unreduced(form: string): string[] {
	const shapes = [form];
	if (form.length >= 4) shapes.push(`${form}ين`);
	if (form.endsWith('ات') && form.length >= 5 && !NOT_SINGULAR.has(form.slice(0, -2)))
		shapes.push(form.slice(0, -2));
	return shapes;
}

/** A candidate spelled as the analyser would index it («عناوين» as «عناو»). */
function asAnalysed(folded: string): string {
	return folded.startsWith('ال') ? folded : arabicWordForms(folded).primary;
}

/**
 * Every candidate of an analysed form: its place or demonym, and through its verb stem (when it
 * is a verb) the pattern pairs and the stem's other tenses. Unconfirmed: see `relatedForms`.
 */
export function relatedCandidates(form: string): Candidate[] {
	let cached = candidateCache.get(form);
	if (cached) return cached;
	if (FUNCTION_WORDS.has(form)) return [];
	const found: Candidate[] = [...(demonyms().get(form) ?? [])];
	if (places.has(form)) return found;
	const stems = verbStems(form);
	for (const stem of stems) found.push({ form: stem, relation: 'verbal-noun' });
	const bases = unreduced(form);
	for (const base of [...bases, ...stems]) {
		for (const candidate of patternCandidates(base)) {
			found.push(candidate);
			// A verbal noun's plural: «انتخابات» for «انتخب».
			if (candidate.relation === 'verbal-noun')
				found.push({ ...candidate, form: `${candidate.form.replace(/ه$/, '')}ات` });
			for (const inflected of verbInflections(candidate.form))
				found.push({ form: inflected, relation: candidate.relation });
		}
	}
	for (const stem of [form, ...stems])
		for (const inflected of verbInflections(stem)) found.push({ form: inflected, relation: 'verbal-noun' });
	cached = distinct(
		found
			.map((candidate) => ({ ...candidate, form: asAnalysed(candidate.form) }))
			.filter(
				(candidate) =>
					// A way back to a base («مكتبات» → «مكتب» → «مكاتب» → «مكتب») is the analyser's call, not a relation.
					!bases.includes(candidate.form) &&
					!FUNCTION_WORDS.has(candidate.form) &&
					(candidate.relation === 'demonym' || !places.has(candidate.form)),
			),
	);
	if (candidateCache.size > 50_000) candidateCache.clear();
	candidateCache.set(form, cached);
	return cached;
}

/** One candidate per form; the rivals of every way to it count, and a way that needs no evidence needs none. */
function distinct(candidates: Candidate[]): Candidate[] {
	const byForm = new Map<string, Candidate>();
	for (const candidate of candidates) {
		const seen = byForm.get(candidate.form);
		if (!seen) {
			byForm.set(candidate.form, candidate);
			continue;
		}
		const unless = [...(seen.unless ?? []), ...(candidate.unless ?? [])];
		const requires =
			seen.requires && candidate.requires ? [...seen.requires, ...candidate.requires] : undefined;
		byForm.set(candidate.form, {
			form: seen.form,
			relation: seen.relation,
			...(unless.length ? { unless } : {}),
			...(requires ? { requires } : {}),
		});
	}
	return [...byForm.values()];
}

/** The candidates of `form` that `known` confirms: the other form is in the text, and no rival word is. */
export function relatedForms(form: string, known: (form: string) => boolean): string[] {
	return relatedCandidates(form)
		.filter(
			(candidate) =>
				known(candidate.form) &&
				!candidate.unless?.some(known) &&
				(!candidate.requires || candidate.requires.some(known)),
		)
		.map((candidate) => candidate.form);
}
