/** The site's languages as the CMS preview needs them. */
export type PreviewLocale = { lang: 'ar' | 'en'; dir: 'rtl' | 'ltr' };

const ARABIC_LETTER = /\p{Script=Arabic}/u;

/**
 * The language of an entry shown in the preview. Decap does not tell preview templates which
 * language pane they render (only the data), so it is read from the text: a headline with any
 * Arabic letter is Arabic, a Latin one English; with no headline yet, the default, Arabic.
 */
export function previewLocale(title: unknown, body?: unknown): PreviewLocale {
	const text = [title, body].find((value) => typeof value === 'string' && value.trim() !== '') as
		string | undefined;
	if (text === undefined || ARABIC_LETTER.test(text)) return { lang: 'ar', dir: 'rtl' };
	return { lang: 'en', dir: 'ltr' };
}
