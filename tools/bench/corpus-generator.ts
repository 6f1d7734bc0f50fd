import type { ArticleFrontmatter } from '../../src/schemas/article.ts';
import { seededRandom } from '../random.ts';

/**
 * A deterministic generator of realistic newsroom content, for benchmarks: headlines and ledes
 * of news-like length from a vocabulary of real Arabic and English news words, diacritics here
 * and there, sections, a long tail of tags, authors, some lead images, dates over ten years, and
 * a few drafts and future-dated articles. The same seed always gives the same articles.
 */

/** A generated article: where it goes and what it says. */
export interface GeneratedArticle {
	locale: 'ar' | 'en';
	slug: string;
	data: ArticleFrontmatter;
	body: string;
}

/** What to generate. */
export interface CorpusOptions {
	/** Articles in all: Arabic ones, and English translations of a share of them. */
	articles: number;
	/** Share of Arabic articles also published in English. Default: 0.3, so 77% of the articles are Arabic. */
	translated?: number;
	/** Default: 1. */
	seed?: number;
	/** The newest articles' date; the archive spans the ten years before. Default: 2026-11-30. */
	until?: Date;
}

const SECTIONS = [
	'world',
	'politics',
	'economy',
	'local',
	'sports',
	'culture',
	'technology',
	'health',
	'opinion',
];
const AUTHORS = ['layla-haddad', 'omar-khalil', 'newsroom'];
const IMAGES = [
	'ai-network.jpg',
	'book-fair.jpg',
	'central-bank-rates.jpg',
	'desalination-plant.jpg',
	'football-pitch.jpg',
	'metro-line.jpg',
	'parliament-dome.jpg',
	'solar-field.jpg',
];

const AR = {
	subjects: [
		'وزير الخارجية',
		'رئيس الوزراء',
		'الرئيس',
		'البرلمان',
		'الحكومة',
		'البنك المركزي',
		'وزارة الصحة',
		'المعارضة',
		'النقابة',
		'البلدية',
		'المجلس البلدي',
		'الأمم المتحدة',
		'مسؤول حكومي',
		'المسؤولون',
		'وزير المالية',
		'اللجنة المالية',
		'الجامعة',
		'النادي',
		'المنتخب الوطني',
		'هيئة الاستثمار',
		'الشركة الوطنية للطاقة',
		'مجلس الوزراء',
		'المحكمة',
		'الشرطة',
		'المزارعون',
		'المعلمون',
		'الأطباء',
		'التجار',
		'السكان',
		'المتظاهرون',
	],
	verbs: [
		'يعلن',
		'يقر',
		'يرفض',
		'يبحث',
		'يطلق',
		'يحذر من',
		'يدعو إلى',
		'يوقع',
		'يفتتح',
		'يناقش',
		'يطالب بـ',
		'يعتمد',
		'يؤجل',
		'يستأنف',
		'يراجع',
	],
	objects: [
		'خطة لدعم الأسر',
		'موازنة العام المقبل',
		'اتفاقًا للتجارة الحرة',
		'مشروعًا لتحلية المياه',
		'قانون الانتخاب',
		'برنامجًا لتطعيم الأطفال',
		'مدرسة جديدة',
		'مستشفى ميدانيًا',
		'خطة لترميم المدينة القديمة',
		'صفقة لشراء سيارات كهربائية',
		'حملة لمكافحة التضخم',
		'مفاوضات حول سد النهضة',
		'مشروعًا للطاقة الشمسية',
		'مؤتمرًا لإعادة الإعمار',
		'قرارًا برفع أسعار الوقود',
		'تحقيقًا في صفقات النفط',
		'مهرجانًا للكتاب',
		'بطولة كرة القدم',
		'معرضًا للآثار',
		'شبكة جديدة للمترو',
	],
	places: [
		'في بغداد',
		'في بيروت',
		'في القاهرة',
		'في الرياض',
		'في عمان',
		'في تونس',
		'في الرباط',
		'في الدوحة',
		'في دمشق',
		'في فلسطين',
		'في لبنان',
		'في الخرطوم',
		'في الجزائر',
		'في صنعاء',
		'في البحرين',
		'على الحدود',
		'في الريف',
		'في العاصمة',
	],
	times: [
		'صباح الثلاثاء',
		'مساء الأحد',
		'الأسبوع المقبل',
		'خلال أيام',
		'بعد أشهر من المفاوضات',
		'في جلسة استثنائية',
		'قبل نهاية العام',
		'وسط احتجاجات',
		'رغم التحذيرات',
	],
	clauses: [
		'وقال مصدر مطلع إن',
		'وأكد المتحدث باسم الحكومة أن',
		'وأضاف المسؤول أن',
		'ورأى محللون أن',
		'وأوضح بيان رسمي أن',
		'وأشار خبراء اقتصاديون إلى أن',
		'وطالبت منظمات حقوقية بأن',
		'وذكرت وكالة الأنباء أن',
	],
	facts: [
		'الأسعار ارتفعت بنسبة عشرين في المئة',
		'المشروع سيوفر آلاف الوظائف للشباب',
		'الأطفال في القرى النائية يحتاجون إلى الرعاية',
		'العجز في الموازنة سينخفض إلى أربعة في المئة',
		'المستشفيات تعاني من نقص الأدوية',
		'الطلب على السيارات الكهربائية تضاعف',
		'المدارس ستفتح أبوابها في الموعد',
		'الصادرات الزراعية تراجعت بسبب الجفاف',
		'المفاوضات ستستأنف في العاصمة',
		'الأسواق شهدت إقبالًا كبيرًا',
		'الحكومة ستقدم دعمًا مباشرًا للأسر الفقيرة',
		'اللاعبين استعدوا جيدًا للمباراة النهائية',
		'الجامعة ستستقبل طلابًا من عشرين دولة',
		'الأمطار الغزيرة أغرقت شوارع المدينة',
		'المزارعين يخشون خسارة محصول البرتقال',
	],
	tags: [
		'الانتخابات',
		'الاقتصاد',
		'المياه',
		'الطاقة',
		'التعليم',
		'الصحة',
		'كرة القدم',
		'الثقافة',
		'التضخم',
		'النفط',
		'المناخ',
		'اللاجئون',
		'التقنية',
		'الزراعة',
		'السياحة',
		'النقل',
		'الإسكان',
		'الفساد',
		'حقوق الإنسان',
		'الآثار',
	],
};
const EN = {
	subjects: [
		'The foreign minister',
		'The prime minister',
		'Parliament',
		'The government',
		'The central bank',
		'The health ministry',
		'The opposition',
		'The union',
		'The city council',
		'The United Nations',
		'Officials',
		'The finance minister',
		'The university',
		'The club',
		'The national team',
		'Investors',
		'Farmers',
		'Teachers',
		'Doctors',
		'Protesters',
	],
	verbs: [
		'announces',
		'approves',
		'rejects',
		'discusses',
		'launches',
		'warns against',
		'calls for',
		'signs',
		'opens',
		'postpones',
		'reviews',
	],
	objects: [
		'a plan to support families',
		'next year’s budget',
		'a free trade agreement',
		'a desalination project',
		'the election law',
		'a vaccination campaign for children',
		'a new school',
		'a field hospital',
		'a plan to restore the old city',
		'a deal for electric cars',
		'measures against inflation',
		'talks on the dam',
		'a solar power project',
		'a reconstruction conference',
		'higher fuel prices',
		'an inquiry into oil contracts',
		'a book festival',
		'the football league',
		'an exhibition of antiquities',
		'a new metro line',
	],
	places: [
		'in Baghdad',
		'in Beirut',
		'in Cairo',
		'in Riyadh',
		'in Amman',
		'in Tunis',
		'in Rabat',
		'in Doha',
		'in Damascus',
		'in Bahrain',
		'at the border',
		'in the capital',
	],
	clauses: [
		'A source said that',
		'A government spokesman said that',
		'The official added that',
		'Analysts said that',
		'A statement said that',
		'Economists noted that',
		'Rights groups demanded that',
		'The news agency reported that',
	],
	facts: [
		'prices had risen by twenty percent',
		'the project would create thousands of jobs',
		'children in remote villages needed care',
		'the deficit would fall to four percent',
		'hospitals were short of medicines',
		'demand for electric cars had doubled',
		'schools would open on time',
		'farm exports fell because of the drought',
		'talks would resume in the capital',
		'markets were busy',
		'families would receive direct support',
		'the players were ready for the final',
		'students from twenty countries would enrol',
		'heavy rain flooded the city’s streets',
		'farmers feared losing the orange harvest',
	],
	tags: [
		'elections',
		'economy',
		'water',
		'energy',
		'education',
		'health',
		'football',
		'culture',
		'inflation',
		'oil',
		'climate',
		'refugees',
		'technology',
		'farming',
		'tourism',
		'transport',
		'housing',
		'corruption',
		'human rights',
		'antiquities',
	],
};

/** Harakat put on some Arabic letters, as writers do on a word here and there. */
const HARAKAT = ['\u064E', '\u064F', '\u0650', '\u0651', '\u0652'];

/** Every article of a corpus, Arabic first, in a fixed order. */
export function generateCorpus(options: CorpusOptions): GeneratedArticle[] {
	const next = seededRandom(options.seed ?? 1);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
	const until = (options.until ?? new Date('2026-11-30T12:00:00+03:00')).getTime();
	const span = 10 * 365 * 24 * 3600 * 1000;
	const translated = options.translated ?? 0.3;
	const arabic = Math.ceil(options.articles / (1 + translated));
	const articles: GeneratedArticle[] = [];
	for (let n = 0; n < arabic; n++) {
		const slug = `story-${n.toString(36).padStart(4, '0')}`;
		const future = n % 997 === 13;
		const date = new Date(future ? until + 30 * 24 * 3600 * 1000 : until - Math.floor(next() * span));
		const iso = `${date.toISOString().slice(0, 19)}+00:00`.replace(/\.\d+/, '');
		const shared = {
			date: iso,
			category: pick(SECTIONS),
			author: pick(AUTHORS),
			draft: n % 499 === 7,
			featured: next() < 0.05,
			image: next() < 0.3 ? `../../media/${pick(IMAGES)}` : undefined,
		};
		const parts = { subject: next(), verb: next(), object: next(), place: next(), time: next() };
		const tagCount = 1 + Math.floor(next() * 3);
		const tagPicks = Array.from({ length: tagCount }, () => next());
		const paragraphs = 3 + Math.floor(next() * 6);
		const sentencePicks = Array.from({ length: paragraphs * 3 }, () => [next(), next()] as const);
		const diacritics = next() < 0.2;
		for (const [locale, words] of [
			['ar', AR],
			['en', EN],
		] as const) {
			// Translations spread evenly, so that Arabic and English add up to the articles asked for.
			if (
				locale === 'en' &&
				(articles.length >= options.articles ||
					Math.floor((n + 1) * translated) === Math.floor(n * translated))
			)
				continue;
			const at = <T>(list: readonly T[], r: number): T => list[Math.floor(r * list.length)]!;
			const title =
				locale === 'ar'
					? `${at(words.subjects, parts.subject)} ${at(words.verbs, parts.verb)} ${at(words.objects, parts.object)} ${at(words.places, parts.place)}`
					: `${at(words.subjects, parts.subject)} ${at(words.verbs, parts.verb)} ${at(words.objects, parts.object)} ${at(words.places, parts.place)}`;
			const lede = `${title} ${locale === 'ar' ? at(AR.times, parts.time) : ''}`.trim() + '.';
			const sentences = sentencePicks.map(([a, b]) => `${at(words.clauses, a)} ${at(words.facts, b)}.`);
			const body = Array.from({ length: paragraphs }, (_, p) =>
				sentences.slice(p * 3, p * 3 + 3).join(' '),
			).join('\n\n');
			articles.push({
				locale,
				slug,
				data: {
					title: locale === 'ar' && diacritics ? withDiacritics(title, next) : title,
					summary: lede,
					tags: [...new Set(tagPicks.map((r) => tagFor(words.tags, r, date)))],
					...shared,
					...(shared.image
						? { imageAlt: locale === 'ar' ? 'صورة توضيحية' : 'Illustration' }
						: { image: undefined }),
				} as ArticleFrontmatter,
				body,
			});
		}
	}
	return articles.map((article) => ({
		...article,
		data: Object.fromEntries(
			Object.entries(article.data).filter(([, value]) => value !== undefined && value !== false),
		) as ArticleFrontmatter,
	}));
}

/** A tag: mostly a topic, sometimes a topic of one year ("انتخابات 2019"), as newsrooms tag running stories. */
function tagFor(tags: readonly string[], r: number, date: Date): string {
	return r < 0.2 ? `${longTail(tags, r * 5)} ${date.getUTCFullYear()}` : longTail(tags, (r - 0.2) / 0.8);
}

/** A long tail: the first items are common, the last rare. */
function longTail<T>(list: readonly T[], r: number): T {
	return list[Math.min(list.length - 1, Math.floor(list.length * r ** 3))]!;
}

/** Diacritics on some letters. */
function withDiacritics(text: string, next: () => number): string {
	return text.replace(/[\u0628-\u064A]/g, (letter) =>
		next() < 0.15 ? letter + HARAKAT[Math.floor(next() * HARAKAT.length)] : letter,
	);
}
