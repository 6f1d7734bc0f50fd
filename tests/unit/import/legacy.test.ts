import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCategoryIds } from '#src/import/legacy/command.ts';
import {
	FOOTER_STARTS,
	LegacyFormatError,
	parseLegacyArticle,
	tidyLegacyArticle,
} from '#src/import/legacy/parse.ts';
import { SLUG_MAX_LENGTH, SLUG_MAX_WORDS, slugFromTitle } from '#src/newsroom/slug.ts';

const fromRoot = (relative: string) => fileURLToPath(new URL(`../../../${relative}`, import.meta.url));
const fixture = (name: string) => fromRoot(`tests/fixtures/legacy/${name}`);
const readText = (file: string) => readFileSync(file, 'utf8');

const categories = await loadCategoryIds(fromRoot('content'));
const parse = (text: string) => parseLegacyArticle(text, categories);

/** The parser's reason for rejecting a text, or a marker that it did not reject it. */
function rejection(text: string): string {
	try {
		parse(text);
	} catch (error) {
		expect(error).toBeInstanceOf(LegacyFormatError);
		return (error as Error).message;
	}
	return '(accepted)';
}

const SEED_TITLE = 'قاسم توكاييف: ما حصل في كازاخستان محاولة انقلاب ..وبوتين :لن نسمح بثورات ملونة';
const SPORTS_TITLE = 'المنتخب الوطني لكرة اليد يتأهل إلى نصف نهائي البطولة العربية بعد فوزه على عُمان 31-27';
const FOOTER_TEXTS = [...FOOTER_STARTS, 'facebook.com', 'المصدر'];

describe('categories from content/categories', () => {
	it('maps every Arabic name to its id', () => {
		expect(Object.fromEntries(categories)).toEqual({
			ثقافة: 'culture',
			اقتصاد: 'economy',
			صحة: 'health',
			محلي: 'local',
			رأي: 'opinion',
			سياسة: 'politics',
			رياضة: 'sports',
			تكنولوجيا: 'technology',
			دولي: 'world',
		});
	});
});

describe('parseLegacyArticle on the real seed', () => {
	const article = parse(readText(fromRoot('seeds/000_05359316afc88e59.txt')));

	it('reads title, category and source', () => {
		expect(article.title).toBe(SEED_TITLE);
		expect(article.category).toBe('world');
		expect(article.source).toBe('وكالات');
	});

	it('keeps exactly the 17 body paragraphs', () => {
		expect(article.paragraphs).toHaveLength(17);
		expect(article.paragraphs[0]).toBe(
			'اجتياح ومحاولة انقلاب، هكذا وصف رئيس كازاخستان قاسم توكاييف ما شهدته بلاده من اضطرابات دامية خلال الأيام الماضية أسفرت عن سقوط قتلى جرحى.',
		);
		expect(article.paragraphs[16]).toBe(
			'وأضاف الرئيس الروسي أن “الأحداث الأخيرة في كازاخستان تؤكد أن بعض القوى لا تتردد في استخدام الفضاء الإلكتروني والشبكات الاجتماعية في تجنيد المتطرفين والإرهابيين، وتشكيل خلايا نائمة من المسلحين”.',
		);
	});

	it('leaves the text inside a paragraph as it is, no-break spaces included', () => {
		expect(article.paragraphs[7]).toContain(
			'مشدداً على أنّ\u00a0 عملية قتل المدنيين وقوات الأمن في أعمال العنف\u00a0 قيد التحقيق.',
		);
	});

	it('lets nothing of the footer or the source line through', () => {
		const output = JSON.stringify([article.title, ...article.paragraphs]);
		for (const text of FOOTER_TEXTS) expect(output).not.toContain(text);
		expect(Object.keys(article).sort()).toEqual(['category', 'paragraphs', 'source', 'title']);
	});
});

describe('parseLegacyArticle on the fixtures', () => {
	it('reads another category, with a space in the breadcrumb and no blank lines', () => {
		const article = parse(readText(fixture('خبر-رياضي.txt')));
		expect(article).toEqual({
			title: SPORTS_TITLE,
			category: 'sports',
			source: 'متابعات',
			paragraphs: [
				'تأهل المنتخب الوطني لكرة اليد إلى الدور نصف النهائي من البطولة العربية للرجال، بعد فوزه مساء أمس الأحد على نظيره العُماني بنتيجة 31 مقابل 27، في المباراة التي احتضنتها الصالة المغطاة بالمدينة الرياضية.',
				'وأنهى المنتخب الشوط الأول متقدماً بفارق أربعة أهداف (16-12)، قبل أن يحافظ على أفضليته في الشوط الثاني رغم محاولات المنتخب العُماني تقليص الفارق في الدقائق الأخيرة.',
				'وقال المدير الفني للمنتخب عقب اللقاء إن “اللاعبين قدموا مباراة كبيرة دفاعاً وهجوماً”، مضيفاً أن “الهدف الآن هو بلوغ المباراة النهائية والمنافسة على اللقب”.',
				'ويلتقي المنتخب في نصف النهائي الفائزَ من مباراة مصر وتونس، المقررة يوم الأربعاء المقبل.',
			],
		});
	});

	it('reads a file with a BOM, CRLF line ends and trailing (no-break) spaces', () => {
		const bytes = readFileSync(fixture('economy-bom-crlf.txt'));
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = bytes.toString('utf8');
		expect(text.match(/\r\n/g)).toHaveLength(15);
		expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);

		const article = parse(text);
		expect(article.title).toBe('البنك المركزي يبقي سعر الفائدة دون تغيير للمرة الثالثة على التوالي');
		expect(article.category).toBe('economy');
		expect(article.source).toBe('وكالات');
		expect(article.paragraphs).toEqual([
			'أبقى البنك المركزي سعر الفائدة الرئيسي دون تغيير عند 7.5 في المئة، للمرة الثالثة على التوالي، مشيراً إلى استمرار الضغوط التضخمية الناجمة عن ارتفاع أسعار الغذاء والطاقة.',
			'وأوضح البنك في بيان صدر عقب اجتماع لجنة السياسة النقدية أن معدل التضخم السنوي تراجع إلى 9.1 في المئة خلال الشهر الماضي، مقابل 9.8 في المئة في الشهر الذي سبقه.',
			'وتوقع محللون أن يبدأ البنك في خفض الفائدة تدريجياً مطلع العام المقبل، إذا واصل التضخم تراجعه واستقر سعر صرف العملة المحلية.',
		]);
	});

	it('reads a file without a source line: the body ends at the footer', () => {
		const article = parse(readText(fixture('no-source.txt')));
		expect(article.category).toBe('health');
		expect('source' in article).toBe(false);
		expect(article.paragraphs).toHaveLength(3);
		expect(article.paragraphs[2]).toBe(
			'ودعت الوزارة الأهالي إلى التعاون مع الفرق الصحية وتطعيم أطفالهم حتى لو سبق تطعيمهم، مؤكدة أن اللقاح آمن ومجاني.',
		);
	});

	it.each([
		['no-title.txt', 'no title: nothing between the breadcrumb and the source line or footer'],
		['no-body.txt', 'no body: no paragraph between the title and the source line or footer'],
		[
			'unknown-category.txt',
			'unknown category «فنون» (known: ثقافة, اقتصاد, صحة, محلي, رأي, سياسة, رياضة, تكنولوجيا, دولي)',
		],
		[
			'no-breadcrumb.txt',
			'no breadcrumb: the first line should start with «العناوين الرئيسية», found «ارتفاع أسعار النفط مع تراجع المخزونات ال…»',
		],
	])('rejects %s', (name, reason) => {
		expect(rejection(readText(fixture(name)))).toBe(reason);
	});
});

describe('parseLegacyArticle edge cases', () => {
	const lines = (...all: string[]) => all.join('\n');

	it('ends the body at the end of the file when there is neither source nor footer', () => {
		expect(parse(lines('العناوين الرئيسيةمحلي', 'عنوان الخبر', 'الفقرة الأولى.', 'الفقرة الثانية.'))).toEqual(
			{
				title: 'عنوان الخبر',
				category: 'local',
				paragraphs: ['الفقرة الأولى.', 'الفقرة الثانية.'],
			},
		);
	});

	it('takes «المصدر:» as the source only on the last line before the footer', () => {
		const article = parse(
			lines('العناوين الرئيسيةمحلي', 'عنوان', 'المصدر: بيان البلدية', 'فقرة بعده.', 'اظهر المزيد'),
		);
		expect(article.source).toBeUndefined();
		expect(article.paragraphs).toEqual(['المصدر: بيان البلدية', 'فقرة بعده.']);
	});

	it('drops everything after the first footer line, even text that looks like an article', () => {
		const article = parse(
			lines('العناوين الرئيسيةمحلي', 'عنوان', 'فقرة.', 'مقالات ذات صلة', 'عنوان مقال آخر', 'المصدر: وكالات'),
		);
		expect(article).toEqual({ title: 'عنوان', category: 'local', paragraphs: ['فقرة.'] });
	});

	it('rejects an empty file, a file that is only footer and a breadcrumb without category', () => {
		expect(rejection('\uFEFF\r\n  \r\n')).toBe('empty file');
		expect(rejection(lines('اظهر المزيد', 'زر الذهاب إلى الأعلى'))).toBe(
			"no breadcrumb: the file starts with the old site's footer",
		);
		expect(rejection(lines('العناوين الرئيسية ', 'عنوان', 'فقرة.'))).toBe(
			'the breadcrumb «العناوين الرئيسية» names no category',
		);
	});

	it('does not take a source line for a title', () => {
		expect(rejection(lines('العناوين الرئيسيةدولي', 'المصدر: وكالات', 'اظهر المزيد'))).toBe(
			'no title: nothing between the breadcrumb and the source line or footer',
		);
	});
});

describe('slugFromTitle', () => {
	const DATE = '2022-01-10T12:00:00+03:00';
	const SLUG_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

	it('transliterates the seed title', () => {
		expect(slugFromTitle(SEED_TITLE, DATE)).toBe('qasm-twkayyf-ma-hsl-fy-kazakhstan-mhawla-anqlab');
	});

	it('is deterministic and does not depend on the date when the title has letters', () => {
		expect(slugFromTitle(SPORTS_TITLE, DATE)).toBe(slugFromTitle(SPORTS_TITLE, '1999-12-31T00:00:00Z'));
		expect(slugFromTitle(SPORTS_TITLE, DATE)).toBe('almntkhb-alwtny-lkra-alyd-ytahl-ila-nsf-nhaiy');
	});

	it('keeps at most 8 whole words', () => {
		const slug = slugFromTitle(SPORTS_TITLE, DATE);
		expect(slug.split('-')).toHaveLength(SLUG_MAX_WORDS);
		expect(SLUG_MAX_WORDS).toBe(8);
	});

	it('stops before the word that would pass 60 characters', () => {
		const slug = slugFromTitle(
			'استراتيجيات الاستثمارات الاستثنائية للمؤسسات الاستشارية الاستعمارية المتخصصة',
			DATE,
		);
		expect(slug).toBe('astratyjyat-alastthmarat-alastthnaiya-llmussat-alastsharya');
		expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
		expect(SLUG_MAX_LENGTH).toBe(60);
	});

	it('cuts a single word longer than 60 characters', () => {
		expect(slugFromTitle('ب'.repeat(80), DATE)).toBe('b'.repeat(60));
	});

	it('is ASCII only, whatever the title holds', () => {
		const titles = [
			SEED_TITLE,
			SPORTS_TITLE,
			'قمة G20 في روما',
			'«الأسعار» ترتفع ٣١٪ — والحكومة تَعِد بالتدخّل!',
			'ﻻ إله إلا هو',
			'Café: Ünïcode ÇA 2024',
			'پژوهش چگونه گسترش یافت',
		];
		for (const title of titles) expect(slugFromTitle(title, DATE)).toMatch(SLUG_SHAPE);
	});

	it('spells digits, Latin letters, diacritics and presentation forms the plain way', () => {
		expect(slugFromTitle('قمة G20 في روما', DATE)).toBe('qma-g20-fy-rwma');
		expect(slugFromTitle('٣١ مقابل ٢٧ ۱۲', DATE)).toBe('31-mqabl-27-12');
		expect(slugFromTitle('عُمانُ', DATE)).toBe(slugFromTitle('عمان', DATE));
		expect(slugFromTitle('ﻻ إله', DATE)).toBe('la-ilh');
		expect(slugFromTitle('Café Ünïcode', DATE)).toBe('cafe-unicode');
	});

	it('falls back to the day and a hash of the title when no letter is left', () => {
		const title = '؟!! … ***';
		const hash = createHash('sha256').update(title, 'utf8').digest('hex').slice(0, 8);
		expect(slugFromTitle(title, DATE)).toBe(`2022-01-10-${hash}`);
		expect(slugFromTitle(title, DATE)).toBe('2022-01-10-5bf2c14c');
		expect(slugFromTitle('🙂🙂', DATE)).toBe('2022-01-10-f5f56730');
		expect(slugFromTitle('🙂🙂', '2022-01-11T00:00:00Z')).toBe('2022-01-11-f5f56730');
	});
});

describe('tidyLegacyArticle on the real seed', () => {
	const article = tidyLegacyArticle(parse(readText(fromRoot('seeds/000_05359316afc88e59.txt'))));

	it('normalises the spacing of title and body, and changes nothing but spaces', () => {
		expect(article.title).toBe(
			'قاسم توكاييف: ما حصل في كازاخستان محاولة انقلاب.. وبوتين: لن نسمح بثورات ملونة',
		);
		expect(article.title.replace(/\s/g, '')).toBe(SEED_TITLE.replace(/\s/g, ''));
		expect(article.paragraphs[1]).toMatch(/^وأكد الرئيس الكازاخستاني قاسم توكاييف، أن/);
	});

	it('takes the first paragraph as the summary', () => {
		expect(article.summary).toBe(article.paragraphs[0]);
		expect(article.summary).toMatch(/^اجتياح ومحاولة انقلاب،/);
	});

	it('keeps the slug the old title gave', () => {
		expect(slugFromTitle(SEED_TITLE, '2022-01-10T12:00:00+03:00')).toBe(
			'qasm-twkayyf-ma-hsl-fy-kazakhstan-mhawla-anqlab',
		);
	});
});
