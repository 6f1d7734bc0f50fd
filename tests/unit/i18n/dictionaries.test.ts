import { describe, expect, test } from 'vitest';
import ar from '#src/i18n/ar.ts';
import en from '#src/i18n/en.ts';
import { useTranslations } from '#src/i18n/index.ts';
import { useDigits } from '#src/i18n/dates.ts';
import { tagSlug, tagUrl, articleUrl, homeUrl } from '#src/site/urls.ts';
import { shareLinks, socialLabel } from '#src/site/share.ts';

describe('interface strings', () => {
	test('English has exactly the Arabic keys, none empty', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(ar).sort());
		for (const value of [...Object.values(ar), ...Object.values(en)]) expect(value.trim()).not.toBe('');
	});

	test("t() fills placeholders with numbers in the site's digits", () => {
		expect(useTranslations('ar').t('footer.rights', { year: '2026', name: 'الوسط' })).toBe(
			'© 2026 الوسط. جميع الحقوق محفوظة.',
		);
		expect(useTranslations('ar').plural('article.readingTime', 5)).toBe('5 دقائق قراءة');
		expect(useTranslations('ar').plural('article.readingTime', 11)).toBe('11 دقيقة قراءة');
		useDigits('arab');
		expect(useTranslations('ar').plural('article.readingTime', 11)).toBe('١١ دقيقة قراءة');
		useDigits('latn');
		expect(useTranslations('ar').plural('article.readingTime', 2)).toBe('دقيقتا قراءة');
		expect(useTranslations('en').plural('article.readingTime', 5)).toBe('5 min read');
	});

	test('lang and dir come from the locale', () => {
		expect(useTranslations('ar')).toMatchObject({ lang: 'ar', dir: 'rtl' });
		expect(useTranslations('en')).toMatchObject({ lang: 'en', dir: 'ltr' });
	});
});

describe('urls', () => {
	test('Arabic is unprefixed, English under /en/', () => {
		expect(homeUrl('ar')).toBe('/');
		expect(homeUrl('en')).toBe('/en/');
		expect(articleUrl('ar', 'kazakhstan')).toBe('/news/kazakhstan/');
		expect(articleUrl('en', 'kazakhstan')).toBe('/en/news/kazakhstan/');
	});

	test('Arabic tags are percent-encoded in one path segment', () => {
		expect(tagUrl('ar', 'الأمن الجماعي')).toBe(`/tag/${encodeURIComponent('الأمن-الجماعي')}/`);
		expect(decodeURIComponent(tagUrl('ar', 'الأمن الجماعي'))).toBe('/tag/الأمن-الجماعي/');
		expect(tagUrl('en', 'Central Asia')).toBe('/en/tag/central-asia/');
	});

	test('share links are plain links carrying the encoded URL and title', () => {
		const links = shareLinks('https://news.example.org/news/a/', 'عنوان & خبر');
		expect(links.map((link) => link.network)).toEqual(['x', 'facebook', 'whatsapp', 'telegram', 'email']);
		for (const { href } of links) {
			expect(href).toContain(encodeURIComponent('https://news.example.org/news/a/'));
			expect(href).not.toContain('عنوان & خبر');
		}
	});
});

test('a tag becomes one safe path segment, or none', () => {
	expect(tagSlug('  الأمن   الجماعي ')).toBe('الأمن-الجماعي');
	expect(tagSlug('مُسْتَقْبَل')).toBe('مُسْتَقْبَل');
	expect(tagSlug('</script>')).toBe('script');
	expect(tagSlug('a/b?c#d')).toBe('a-b-c-d');
	expect(tagSlug('!!!')).toBe('');
});

describe('social account names', () => {
	test('known networks are named in the page language; others as written', () => {
		expect(socialLabel('Facebook')).toBe('share.facebook');
		expect(useTranslations('ar').t(socialLabel('X')!)).toBe('إكس');
		expect(useTranslations('ar').t(socialLabel(' telegram ')!)).toBe('تيليغرام');
		expect(socialLabel('Mastodon')).toBeUndefined();
	});
});
