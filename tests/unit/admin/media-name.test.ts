import { describe, expect, test } from 'vitest';
import { previewLocale } from '../../../admin/lib/direction.ts';
import { asciiFileName } from '../../../admin/lib/media-name.ts';

describe('names of uploaded files', () => {
	test.each([
		['صورة المؤتمر.jpg', 'swra-almutmr.jpg'],
		['Photo 1.JPG', 'photo-1.jpg'],
		['ملعب ٢٠٢٦.png', 'mlab-2026.png'],
		['central-bank-rates.jpg', 'central-bank-rates.jpg'],
		['🙂.webp', 'image-k1.webp'],
		['README', 'readme'],
	])('%s becomes %s', (name, expected) => {
		expect(asciiFileName(name, 'k1')).toBe(expected);
	});

	test('is always lower-case ASCII', () => {
		for (const name of ['تقرير «الوسط» النهائي.JPEG', 'Ça va.png', 'café_au_lait.gif'])
			expect(asciiFileName(name)).toMatch(/^[a-z0-9-]+\.[a-z0-9]+$/);
	});
});

describe('the language of a preview', () => {
	test.each([
		['قاسم توكاييف: ما حصل', undefined, 'ar', 'rtl'],
		['Apple تطلق هاتفًا', undefined, 'ar', 'rtl'],
		['Budget passes', 'نص', 'en', 'ltr'],
		['', 'Body text', 'en', 'ltr'],
		[undefined, undefined, 'ar', 'rtl'],
	])('%j / %j is %s %s', (title, body, lang, dir) => {
		expect(previewLocale(title, body)).toEqual({ lang, dir });
	});
});
