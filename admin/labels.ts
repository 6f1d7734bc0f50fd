/**
 * The CMS's collection and field labels, hints and messages, in Arabic: the newsroom's working
 * language. Decap's own interface strings are in `locales/ar.ts`.
 */
export const labels = {
	'articles.label': 'الأخبار',
	'articles.singular': 'خبر',
	'articles.description': 'الأخبار والمقالات بالعربية، وترجماتها الإنجليزية إن وُجدت.',
	'pages.label': 'الصفحات الثابتة',
	'pages.singular': 'صفحة',
	'categories.label': 'الأقسام',
	'categories.singular': 'قسم',
	'authors.label': 'الكتّاب',
	'authors.singular': 'كاتب',
	'settings.label': 'الإعدادات',
	'settings.site': 'إعدادات الموقع',
	'settings.frontPage': 'الصفحة الرئيسية',

	'field.title': 'العنوان',
	'field.slug': 'الرابط المختصر',
	'field.slug.hint': 'اسم الملف ورابط الخبر: حروف لاتينية صغيرة وأرقام وشرطات، مثل `budget-vote-2027`. لا يمكن تغييره بعد النشر.',
	'field.slug.pattern': 'الرابط المختصر حروف لاتينية صغيرة (a-z) وأرقام وشرطة واحدة بين الكلمات، بلا مسافات ولا حروف عربية.',
	'field.id': 'المعرّف',
	'field.id.hint': 'اسم الملف الذي تشير إليه الأخبار: حروف لاتينية صغيرة وأرقام وشرطات. لا يمكن تغييره بعد الحفظ.',
	'field.date': 'تاريخ النشر',
	'field.date.hint': 'لا يظهر الخبر على الموقع قبل هذا الوقت.',
	'field.category': 'القسم',
	'field.summary': 'الموجز',
	'field.tags': 'الوسوم',
	'field.tag': 'وسم',
	'field.author': 'الكاتب',
	'field.source': 'المصدر',
	'field.image': 'الصورة الرئيسية',
	'field.imageAlt': 'وصف الصورة (للقارئات الآلية)',
	'field.imageCaption': 'تعليق الصورة ومصدرها',
	'field.featured': 'من العناوين الرئيسية',
	'field.breaking': 'خبر عاجل',
	'field.draft': 'مسودة (لا تُنشر)',
	'field.updated': 'آخر تحديث جوهري',
	'field.body': 'نص الخبر',
	'field.pageBody': 'نص الصفحة',
	'field.description': 'الوصف',
	'field.footer': 'تظهر في تذييل الموقع',
	'field.order': 'الترتيب',
	'field.name': 'الاسم',
	'field.bio': 'نبذة',
	'field.photo': 'الصورة الشخصية',
	'field.ar': 'بالعربية',
	'field.en': 'بالإنجليزية',
	'field.tagline': 'الشعار',
	'field.url': 'عنوان الموقع',
	'field.url.pattern': 'عنوان كامل يبدأ بـ https://',
	'field.timeZone': 'المنطقة الزمنية',
	'field.timeZone.hint': 'بصيغة IANA، مثل Asia/Riyadh.',
	'field.social': 'حسابات التواصل',
	'field.socialAccount': 'حساب',
	'field.socialName': 'اسم المنصة',
	'field.socialUrl': 'رابط الحساب',
	'field.headlines': 'عدد العناوين الرئيسية',
	'field.latest': 'عدد أخبار «آخر الأخبار»',
	'field.sections': 'أقسام الصفحة الرئيسية بالترتيب',
	'field.section': 'قسم',
	'field.perSection': 'عدد الأخبار في كل قسم',
} as const;

export type LabelKey = keyof typeof labels;

/** The Arabic label of `key`. */
export function label(key: LabelKey): string {
	return labels[key];
}
