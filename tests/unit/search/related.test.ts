import { describe, expect, test } from 'vitest';
import { relatedCandidates } from '#src/search/arabic-related.ts';
import { resolveWords } from '#src/search/fallback.ts';
import { recordForms, Vocabulary } from '#src/search/related.ts';
import { indexedText, ORIGINAL_TEXT, queryWords } from '#src/search/text.ts';

/**
 * Related forms end to end, short of Pagefind: texts are analysed and expanded as the index
 * build does (`Vocabulary`), and a query is resolved as the search page does (`resolveWords`);
 * a text is found when it has every resolved query word, which is what Pagefind's exact match
 * of `TERM_END` forms does. The browser test (search-meaning.spec.ts) runs the real thing.
 */
async function search(texts: string[], query: string): Promise<number[]> {
	const vocabulary = new Vocabulary();
	const contents = texts.map((text) => `${indexedText(text)} ${ORIGINAL_TEXT} ${text}`);
	for (const content of contents) vocabulary.add(content);
	const indexed = contents.map((content) => new Set(recordForms(vocabulary.expand(content))));
	const count = async (form: string) => indexed.filter((forms) => forms.has(form)).length;
	const { words, missing } = await resolveWords(queryWords(query), count, query);
	if (missing.length > 0 || words.length === 0) return [];
	return indexed.flatMap((forms, at) => (words.every((word) => forms.has(word)) ? [at] : []));
}

/** [what, the text to find, another text of the index, the query]: the query finds the first text. */
type Case = [string, string, string, string];

const finds: Record<string, Case[]> = {
	demonym: [
		['the place finds the adjective', 'قال الرئيس الروسي إن المحادثات مثمرة', 'وصل الوفد إلى روسيا', 'روسيا'],
		['the adjective finds the place', 'وصل الوفد إلى روسيا', 'قال الرئيس الروسي', 'الروسي'],
		['the plural adjective finds the place', 'زار الوزير العراق', 'التقى المسؤولين العراقيين', 'العراقيين'],
		['the feminine adjective finds the place', 'عاد السفير إلى الأردن', 'قالت الحكومة الأردنية', 'الأردنية'],
		['the masculine finds the feminine', 'قالت الحكومة الأردنية', 'قال المتحدث الأردني', 'الأردني'],
		['an adjective the index lacks finds the place', 'عاد الوفد من الكويت', 'خبر آخر', 'الكويتيين'],
		['a city of the Arab world', 'قال مسؤول بغدادي', 'وصل الوفد إلى بغداد', 'بغداد'],
	],
	plural: [
		['مفاعل finds مفعل', 'افتتح مسجد جديد', 'زار الوفد المساجد', 'المساجد'],
		['فعلاء finds فعيل', 'قدم السفير أوراقه', 'اجتمع السفراء العرب', 'سفراء'],
		['أفاعيل finds أفعول', 'تغير أسلوب العمل', 'ناقش المؤتمر أساليب التعليم', 'أساليب'],
		['فعائل finds فعيلة', 'اجتمع شيوخ القبيلة', 'تصالحت القبائل', 'قبائل'],
		['فعاليل finds فعلال', 'تغير عنوان الموقع', 'نشرت الصحف عناوين كبيرة', 'عناوين'],
		['a singular finds a plural the index has alone', 'نشرت الصحف الخبر', 'خبر آخر', 'صحيفة'],
		['a plural finds a singular the index has alone', 'افتتح مصنع جديد', 'خبر آخر', 'مصانع'],
	],
	'verbal-noun': [
		['the noun finds the past', 'أصدرت الوزارة بيانا', 'تأخر إصدار القرار', 'إصدار'],
		['the past finds the noun', 'تأخر إصدار القرار', 'أصدرت الوزارة بيانا', 'أصدرت'],
		['the present finds the noun', 'تأخر إصدار القرار', 'يصدر المجلس قرارا', 'يصدر'],
		['تفعيل and فعّل', 'جرى توقيع الاتفاق', 'وقّع الطرفان الاتفاق', 'وقّع'],
		['افتعال and افتعل', 'انتخب البرلمان رئيسا', 'جرت الانتخابات أمس', 'الانتخابات'],
		[
			'مفاعلة and a فاعل the text conjugates',
			'ناقش المجلس الخطة',
			'تستمر مناقشة الخطة ويناقش النواب البنود',
			'مناقشة',
		],
		['a hamza-initial present', 'أكّد الوزير الخبر', 'يؤكد المسؤولون الخبر', 'يؤكد'],
	],
	feminine: [
		['the masculine finds the feminine', 'قالت الوزيرة إن الخطة جاهزة', 'قال الوزير', 'وزير'],
		['the feminine finds the masculine', 'قال الوزير إن الخطة جاهزة', 'قالت الوزيرة', 'الوزيرة'],
		['a participle', 'قالت المستشارة الألمانية', 'قال المستشار', 'المستشار'],
		['فاعل', 'قالت النائبة في البرلمان', 'قال النائب', 'النائب'],
	],
};

const apart: Record<string, Case[]> = {
	demonym: [
		['sporting is not the city', 'فاز النادي الرياضي بالبطولة', 'استضافت الرياض المعرض', 'الرياض'],
		['the city is not sporting', 'استضافت الرياض المعرض', 'فاز النادي الرياضي', 'الرياضي'],
		['engineering is not India', 'تخرج طلاب الهندسة', 'زار الوفد الهند', 'الهند'],
		['the right is not Yemen', 'أدى النواب اليمين', 'زار الوفد اليمن وقال مسؤول يمني', 'يمني'],
		['Algeria is not islands', 'زار الوفد الجزائر', 'زار السياح الجزيرة', 'جزيرة'],
	],
	plural: [
		['office is not book', 'صدر كتاب جديد', 'افتتح مكتب جديد وأغلقت مكاتب', 'مكتب'],
		['office is not writer', 'قال الكاتب', 'افتتح مكتب جديد وأغلقت مكاتب', 'مكاتب'],
		['universities are not a mosque', 'بدأت الجامعات التسجيل', 'افتتح الجامع', 'جامع'],
		['a family is not prisoners', 'تحصل كل أسرة على سلة غذائية', 'أفرج عن الأسرى', 'الأسرى'],
		[
			'a truth is not «achieved», which the text conjugates',
			'حقق الفريق الفوز ويحقق المزيد',
			'هذه حقيقة',
			'حقيقة',
		],
		['a teacher is not landmarks', 'زار السياح المعالم', 'قال المعلم إن المعلمين غاضبون', 'المعلم'],
		['before is not acceptance', 'وصل قبل الظهر', 'لقي الاقتراح قبول الجميع', 'قبول'],
	],
	'verbal-noun': [
		['divorce is not launch', 'ارتفعت نسب الطلاق', 'أطلقت الوكالة قمرا', 'إطلاق'],
		['future is not reception', 'يتطلع الشباب إلى المستقبل', 'استقبل الرئيس الوفد', 'استقبال'],
		['a contest is not «former»', 'قال الوزير السابق', 'انطلقت المسابقة', 'مسابقة'],
		['the elite is not election', 'تضم النخبة وجوها جديدة', 'انتخب البرلمان رئيسا', 'انتخاب'],
	],
	feminine: [
		['main is not a president', 'أغلقت الطرق الرئيسية', 'قالت الرئيسة', 'رئيسة'],
		[
			'a library is not an office, where the text has «مكاتب»',
			'افتتحت مكتبة الحي',
			'أغلقت مكاتب الشركة والمكتب الرئيسي',
			'المكتب',
		],
		['a university is not a mosque', 'احتفلت جامعة الملك', 'افتتح الجامع', 'الجامع'],
	],
};

describe.each(Object.keys(finds))('%s', (name) => {
	test.each(finds[name]!)('finds: %s («%s» for «%s»)', async (_, text, other, query) => {
		expect(await search([text, other], query)).toContain(0);
	});
	test.each(apart[name]!)('apart: %s («%s» not for «%s»)', async (_, text, other, query) => {
		expect(await search([text, other], query)).not.toContain(0);
	});
});

test('a query word is a rival too: «مكاتب» (offices) does not fall back to «مكتبة» (a library)', async () => {
	expect(await search(['افتتحت مكتبة الحي'], 'مكاتب')).toEqual([]);
	expect(await search(['افتتحت مكتبة الحي'], 'مكتب')).toEqual([0]);
});

test('candidates come from patterns, confirmed or not; a preposition has none', () => {
	expect(relatedCandidates('مصانع').map((candidate) => candidate.form)).toContain('مصنع');
	expect(relatedCandidates('قبل')).toEqual([]);
});

test('a record gains a related form only when another record of the index has it', () => {
	const content = `${indexedText('قال الرئيس الروسي')} ${ORIGINAL_TEXT} قال الرئيس الروسي`;
	const alone = new Vocabulary();
	alone.add(content);
	expect(recordForms(alone.expand(content))).not.toContain('روسيا');
	const both = new Vocabulary();
	both.add(content);
	both.add(`${indexedText('روسيا')} ${ORIGINAL_TEXT} روسيا`);
	expect(recordForms(both.expand(content))).toContain('روسيا');
});
