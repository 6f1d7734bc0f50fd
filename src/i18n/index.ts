import { formatNumber } from './dates.ts';
import { locales, type Locale } from './locales.ts';
import ar, { type UIDictionary, type UIKey } from './ar.ts';
import en from './en.ts';

const dictionaries: Record<Locale, UIDictionary> = { ar, en };

/**
 * The interface's languages. In: a locale. Out: its strings (one dictionary per language, `ar.ts`
 * and `en.ts`), plural forms, and dates and numbers in its digit system (`dates.ts`).
 */

/** Keys that take a count, without their plural suffix. */
type PluralBase = UIKey extends infer K ? (K extends `${infer B}.other` ? B : never) : never;

const helpers = new Map<Locale, ReturnType<typeof makeTranslations>>();

/** The translation helpers of one language, and its `lang` and `dir`; made once per language. */
export function useTranslations(locale: Locale) {
	let made = helpers.get(locale);
	if (!made) helpers.set(locale, (made = makeTranslations(locale)));
	return made;
}

function makeTranslations(locale: Locale) {
	const dictionary = dictionaries[locale];
	const plurals = new Intl.PluralRules(locales[locale].lang);

	/** The string for `key`, with `{name}` placeholders filled from `values`. */
	function t(key: UIKey, values: Record<string, string | number> = {}): string {
		return dictionary[key].replace(/\{(\w+)\}/g, (match, name: string) => {
			const value = values[name];
			if (value === undefined) return match;
			return typeof value === 'number' ? formatNumber(value, locale) : value;
		});
	}

	/** The plural form of `base` that the language uses for `count`. */
	function plural(base: PluralBase, count: number): string {
		const key = `${base}.${count === 0 ? 'zero' : plurals.select(count)}` as UIKey;
		return t(key, { count });
	}

	return { t, plural, lang: locales[locale].lang, dir: locales[locale].dir };
}
