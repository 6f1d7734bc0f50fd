/**
 * A light English analyser for search: lower case, accents folded, the possessive removed and a
 * plural made singular («ministers» → «minister», «countries» → «country», «taxes» → «tax»).
 * Run identically on the indexed text and on the query, so each form finds the other. Nothing
 * else is stemmed: «election» and «elect» stay apart, as a reader expects.
 */

/** Irregular plurals of words that come up in news. */
const IRREGULAR: Record<string, string> = {
	men: 'man',
	women: 'woman',
	children: 'child',
	people: 'person',
	feet: 'foot',
	teeth: 'tooth',
	mice: 'mouse',
	geese: 'goose',
	lives: 'life',
	wives: 'wife',
	knives: 'knife',
	halves: 'half',
	thieves: 'thief',
	crises: 'crisis',
	analyses: 'analysis',
	theses: 'thesis',
	indices: 'index',
};

/** Words that end in s without being plurals. */
const NOT_PLURAL = new Set([
	'news',
	'series',
	'species',
	'means',
	'always',
	'perhaps',
	'various',
	'whereas',
	'lens',
	'gas',
	'has',
	'was',
	'does',
	'his',
	'its',
	'this',
	'thus',
	'yes',
	'physics',
	'economics',
	'politics',
	'mathematics',
	'athletics',
	'olympics',
	'canvas',
	'bias',
	'chaos',
	'alias',
	'atlas',
	'paris',
	'texas',
	'athens',
	'tunis',
	'emirates',
	'wales',
	'less',
	'unless',
	'across',
	'besides',
]);

/** Lower case with accents removed: «Pokémon» → «pokemon». */
export function normaliseLatin(word: string): string {
	return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The singular of an English word (already through `normaliseLatin`), or the word itself. */
export function englishSingular(word: string): string {
	const plain = word
		.replace(/['’]s$/, '')
		.replace(/s['’]$/, 's')
		.replace(/['’]/g, '');
	if (IRREGULAR[plain]) return IRREGULAR[plain];
	if (plain.length < 4 || !plain.endsWith('s') || NOT_PLURAL.has(plain)) return plain;
	if (/(ss|us|is)$/.test(plain)) return plain;
	if (/[^ae]ies$/.test(plain) && plain.length > 4) return plain.slice(0, -3) + 'y';
	if (/(ches|shes|sses|xes|zes)$/.test(plain)) return plain.slice(0, -2);
	return plain.slice(0, -1);
}
