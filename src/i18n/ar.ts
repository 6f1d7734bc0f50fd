/**
 * Interface strings in Arabic: the source of truth. Every other dictionary must have the same
 * keys (checked by the compiler). `{name}` marks a value filled in by `t()`.
 * Plural keys end in `.zero/.one/.two/.few/.many/.other`, the categories of `Intl.PluralRules`.
 */
const ar = {
	'site.skipToContent': 'انتقل إلى المحتوى',
	'nav.sections': 'الأقسام',
	'nav.home': 'الرئيسية',
	'nav.main': 'التنقل الرئيسي',
	'lang.switch': 'English',
	'lang.switchLabel': 'اقرأ بالإنجليزية',
	'home.latest': 'آخر الأخبار',
	'home.title': 'الرئيسية',
	'article.category': 'القسم',
	'article.by': 'بقلم',
	'article.published': 'نُشر في',
	'article.updated': 'حُدّث في',
	'article.hijri': 'الموافق',
	'article.source': 'المصدر',
	'article.tags': 'الوسوم',
	'article.share': 'شارك الخبر',
	'article.related': 'أخبار ذات صلة',
	'article.backToTop': 'العودة إلى الأعلى',
	'article.translation': 'اقرأ هذا الخبر بالإنجليزية',
	'article.readingTime.zero': 'أقل من دقيقة قراءة',
	'article.readingTime.one': 'دقيقة قراءة واحدة',
	'article.readingTime.two': 'دقيقتا قراءة',
	'article.readingTime.few': '{count} دقائق قراءة',
	'article.readingTime.many': '{count} دقيقة قراءة',
	'article.readingTime.other': '{count} دقيقة قراءة',
	'share.x': 'إكس',
	'share.facebook': 'فيسبوك',
	'share.whatsapp': 'واتساب',
	'share.telegram': 'تيليغرام',
	'share.email': 'البريد',
	'share.label': 'شارك عبر {network}',
	'list.empty': 'لا أخبار هنا بعد.',
	'category.title': 'قسم {name}',
	'tag.title': 'وسم: {name}',
	'footer.follow': 'تابعونا',
	'footer.rights': '© {year} {name}. جميع الحقوق محفوظة.',
} as const;

export default ar;

/** A key of the interface dictionary. */
export type UIKey = keyof typeof ar;
/** A complete dictionary: every Arabic key, with a string. */
export type UIDictionary = Record<UIKey, string>;
