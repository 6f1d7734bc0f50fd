import type { CmsCollection, CmsConfig, CmsField } from 'decap-cms-core';
import { ID_PATTERN } from '../src/schemas/patterns.ts';
import { backendConfig, type CmsOptions } from './backend.ts';
import { label } from './labels.ts';

/**
 * Decap CMS's configuration, passed to `CMS.init({ config })`. The collections mirror the content
 * model in `src/schemas/` one to one; `tests/unit/cms-config.test.ts` fails when they drift apart.
 */

/** Names of the custom pieces registered in `index.ts`. */
export const MARKDOWN_FORMAT = 'newsroom-md';
export const YAML_FORMAT = 'newsroom-yml';
export const SLUG_WIDGET = 'newsroom-slug';
export const DATE_WIDGET = 'newsroom-datetime';
export const TAGS_WIDGET = 'newsroom-tags';
export const ALT_WIDGET = 'newsroom-alt';

/**
 * The body's toolbar: no first-level heading (the page's headline is the article's only H1), and
 * the blocks the site styles. Images go in the lead image field; embeds are links on a line of
 * their own.
 */
const BODY_BUTTONS = [
	'bold',
	'italic',
	'link',
	'heading-two',
	'heading-three',
	'heading-four',
	'quote',
	'bulleted-list',
	'numbered-list',
];
const BODY_COMPONENTS = ['image'];

/** The body: Markdown with the newsroom's toolbar. */
function bodyField(labelKey: 'field.body' | 'field.pageBody'): CmsField {
	return {
		name: 'body',
		label: label(labelKey),
		widget: 'markdown',
		buttons: BODY_BUTTONS,
		editor_components: BODY_COMPONENTS,
		i18n: true,
	} as CmsField;
}

/** The Arabic site, with English translations in a folder beside it. */
const i18n = { structure: 'multiple_folders' as const, locales: ['ar', 'en'], default_locale: 'ar' };

/**
 * The file name of a new entry. Typed by the editor (never derived from an Arabic title, which
 * Decap's ASCII slugs turn into an empty name), checked against the schemas' id pattern.
 */
function slugField(
	labelKey: 'field.slug' | 'field.id',
	hintKey: 'field.slug.hint' | 'field.id.hint',
): CmsField {
	return {
		name: 'slug',
		label: label(labelKey),
		widget: SLUG_WIDGET,
		hint: label(hintKey),
		pattern: [ID_PATTERN.source, label('field.slug.pattern')],
	} as CmsField;
}

/** A text in both languages, as `bilingualSchema`: `{ ar, en }`. */
function bilingualField(
	name: string,
	labelKey: Parameters<typeof label>[0],
	options: { required: boolean; widget?: 'string' | 'text' },
): CmsField {
	const widget = options.widget ?? 'string';
	return {
		name,
		label: label(labelKey),
		widget: 'object',
		required: options.required,
		fields: [
			{ name: 'ar', label: label('field.ar'), widget, required: options.required },
			{ name: 'en', label: label('field.en'), widget, required: options.required },
		],
	} as CmsField;
}

/** One option of a select: what the editor reads, what the file holds. */
export interface Choice {
	label: string;
	value: string;
}

/**
 * The sections and authors the forms offer, read from content/ when the CMS is bundled
 * (`choices.ts`). Selects, not relation widgets: a relation field loads its collection while the
 * form is open and marks an untouched entry as changed once it has (decap-cms #7142, #2743).
 */
export interface CmsChoices {
	sections: Choice[];
	authors: Choice[];
	/** The tags articles already use, per language, most used first: in `/admin/tags.json`, not in the bundle. */
	tags?: { ar: string[]; en: string[] };
}

function choiceField(name: string, labelKey: Parameters<typeof label>[0], options: Choice[]): CmsField {
	return { name, label: label(labelKey), widget: 'select', options } as CmsField;
}

/**
 * The article list's filters: by state (see `lib/list-fields.ts`, which works the state out when a
 * file is read) and by section.
 */
function articleFilters(choices: CmsChoices) {
	const byState = (
		[
			['filter.drafts', 'status.draft'],
			['filter.scheduled', 'status.scheduled'],
			['filter.published', 'status.published'],
		] as const
	).map(([name, state]) => ({ label: label(name), field: 'listStatus', pattern: `^${label(state)}$` }));
	const bySection = choices.sections.map((section) => ({
		label: section.label,
		field: 'category',
		pattern: `^${section.value}$`,
	}));
	return [...byState, ...bySection];
}

const articles = (choices: CmsChoices): CmsCollection => ({
	name: 'articles',
	label: label('articles.label'),
	label_singular: label('articles.singular'),
	description: label('articles.description'),
	folder: 'content/articles',
	extension: 'md',
	format: MARKDOWN_FORMAT as CmsCollection['format'],
	create: true,
	slug: '{{fields.slug}}',
	identifier_field: 'title',
	// The list: state, headline, then date, section and author (lib/list-fields.ts), newest first.
	summary: '{{listStatus}} · {{title}} — {{listLine}}',
	sortable_fields: [
		{ field: 'date', label: label('sort.date'), default_sort: 'desc' },
		{ field: 'title', label: label('sort.title') },
	],
	view_filters: articleFilters(choices),
	// «اعرض على الموقع»: the Arabic article's address on the site.
	preview_path: 'news/{{slug}}/',
	i18n: true,
	// Uploads go where the image pipeline looks; articles refer to them from content/articles/<lang>/.
	media_folder: '/content/media',
	public_folder: '../../media',
	fields: [
		{ name: 'title', label: label('field.title'), widget: 'string', i18n: true },
		slugField('field.slug', 'field.slug.hint'),
		{
			name: 'date',
			label: label('field.date'),
			widget: DATE_WIDGET,
			default_now: true,
			hint: label('field.date.hint'),
			i18n: 'duplicate',
		},
		{ ...choiceField('category', 'field.category', choices.sections), i18n: 'duplicate' },
		{ name: 'summary', label: label('field.summary'), widget: 'text', required: false, i18n: true },
		{
			name: 'tags',
			label: label('field.tags'),
			widget: TAGS_WIDGET,
			required: false,
			hint: label('field.tags.hint'),
			i18n: true,
		},
		{ ...choiceField('author', 'field.author', choices.authors), required: false, i18n: 'duplicate' },
		{ name: 'source', label: label('field.source'), widget: 'string', required: false, i18n: true },
		{
			name: 'image',
			label: label('field.image'),
			widget: 'image',
			required: false,
			choose_url: false,
			i18n: 'duplicate',
		},
		{ name: 'imageAlt', label: label('field.imageAlt'), widget: ALT_WIDGET, required: false, i18n: true },
		{
			name: 'imageCaption',
			label: label('field.imageCaption'),
			widget: 'string',
			required: false,
			i18n: true,
		},
		{
			name: 'featured',
			label: label('field.featured'),
			widget: 'boolean',
			default: false,
			required: false,
			i18n: 'duplicate',
		},
		{
			name: 'breaking',
			label: label('field.breaking'),
			widget: 'boolean',
			default: false,
			required: false,
			i18n: 'duplicate',
		},
		{
			name: 'draft',
			label: label('field.draft'),
			widget: 'boolean',
			default: false,
			required: false,
			i18n: 'duplicate',
		},
		{
			name: 'updated',
			label: label('field.updated'),
			widget: DATE_WIDGET,
			required: false,
			i18n: 'duplicate',
		},
		{
			// Each language has its own: a correction is written in the story's language.
			name: 'corrections',
			label: label('field.corrections'),
			label_singular: label('field.correction'),
			widget: 'list',
			required: false,
			default: [],
			hint: label('field.corrections.hint'),
			summary: '{{fields.text}}',
			i18n: true,
			fields: [
				{ name: 'date', label: label('field.correction.date'), widget: DATE_WIDGET, default_now: 'item' },
				{ name: 'text', label: label('field.correction.text'), widget: 'text' },
			],
		},
		liveField(),
		bodyField('field.body'),
	] as CmsField[],
});

/**
 * A live page's updates, in the pane's language: «إضافة تحديث» puts a new update at the top with
 * its time set to now, so the list reads newest first as the page does.
 */
function liveField(): CmsField {
	return {
		name: 'live',
		label: label('field.live'),
		widget: 'object',
		required: false,
		collapsed: true,
		hint: label('field.live.hint'),
		i18n: true,
		fields: [
			{ name: 'ended', label: label('field.live.ended'), widget: DATE_WIDGET, required: false },
			{
				name: 'updates',
				label: label('field.live.updates'),
				label_singular: label('field.live.update'),
				widget: 'list',
				required: false,
				// Without a default, Decap starts a new article with one blank update (its `key` has a default).
				default: [],
				add_to_top: true,
				summary: '{{fields.title}}',
				fields: [
					{ name: 'date', label: label('field.live.date'), widget: DATE_WIDGET, default_now: 'item' },
					{ name: 'title', label: label('field.live.title'), widget: 'string', required: false },
					{
						name: 'body',
						label: label('field.live.body'),
						widget: 'markdown',
						minimal: true,
						buttons: ['bold', 'italic', 'link', 'quote', 'bulleted-list'],
						// A picture in the text is resolved and optimised by the site (`src/markdown/pictures.ts`).
						editor_components: BODY_COMPONENTS,
					},
					{
						name: 'key',
						label: label('field.live.key'),
						widget: 'boolean',
						default: false,
						required: false,
					},
					{
						name: 'image',
						label: label('field.live.image'),
						widget: 'image',
						required: false,
						choose_url: false,
					},
					{ name: 'imageAlt', label: label('field.imageAlt'), widget: 'string', required: false },
				],
			},
		],
	} as CmsField;
}

const pages: CmsCollection = {
	name: 'pages',
	label: label('pages.label'),
	label_singular: label('pages.singular'),
	folder: 'content/pages',
	extension: 'md',
	format: MARKDOWN_FORMAT as CmsCollection['format'],
	create: true,
	slug: '{{fields.slug}}',
	identifier_field: 'title',
	summary: '{{title}}',
	preview_path: '{{slug}}/',
	i18n: true,
	fields: [
		{ name: 'title', label: label('field.title'), widget: 'string', i18n: true },
		slugField('field.slug', 'field.slug.hint'),
		{ name: 'description', label: label('field.description'), widget: 'text', required: false, i18n: true },
		{
			name: 'updated',
			label: label('field.updated'),
			widget: DATE_WIDGET,
			required: false,
			i18n: 'duplicate',
		},
		{
			name: 'footer',
			label: label('field.footer'),
			widget: 'boolean',
			default: true,
			required: false,
			i18n: 'duplicate',
		},
		{
			name: 'order',
			label: label('field.order'),
			widget: 'number',
			value_type: 'int',
			default: 0,
			required: false,
			i18n: 'duplicate',
		},
		bodyField('field.pageBody'),
	] as CmsField[],
};

const categories: CmsCollection = {
	name: 'categories',
	label: label('categories.label'),
	label_singular: label('categories.singular'),
	folder: 'content/categories',
	extension: 'yml',
	format: YAML_FORMAT as CmsCollection['format'],
	create: true,
	slug: '{{fields.slug}}',
	identifier_field: 'slug',
	summary: '{{name.ar}} ({{slug}})',
	fields: [
		slugField('field.id', 'field.id.hint'),
		bilingualField('name', 'field.name', { required: true }),
		{ name: 'order', label: label('field.order'), widget: 'number', value_type: 'int' },
		bilingualField('description', 'field.description', { required: false, widget: 'text' }),
		{
			name: 'opinion',
			label: label('field.opinion'),
			widget: 'boolean',
			required: false,
			default: false,
			hint: label('field.opinion.hint'),
		},
	] as CmsField[],
};

const authors: CmsCollection = {
	name: 'authors',
	label: label('authors.label'),
	label_singular: label('authors.singular'),
	folder: 'content/authors',
	extension: 'yml',
	format: YAML_FORMAT as CmsCollection['format'],
	create: true,
	slug: '{{fields.slug}}',
	identifier_field: 'slug',
	summary: '{{name.ar}} ({{slug}})',
	fields: [
		slugField('field.id', 'field.id.hint'),
		bilingualField('name', 'field.name', { required: true }),
		bilingualField('bio', 'field.bio', { required: false, widget: 'text' }),
		// Portraits are served as they are from public/, so the schema takes a site path.
		{
			name: 'photo',
			label: label('field.photo'),
			widget: 'image',
			required: false,
			choose_url: false,
			media_folder: '/public/media/authors',
			public_folder: '/media/authors',
		},
	] as CmsField[],
};

const settings = (choices: CmsChoices): CmsCollection => ({
	name: 'settings',
	label: label('settings.label'),
	format: YAML_FORMAT as CmsCollection['format'],
	extension: 'yml',
	delete: false,
	files: [
		{
			name: 'site',
			label: label('settings.site'),
			file: 'content/settings/site.yml',
			fields: [
				bilingualField('name', 'field.name', { required: true }),
				bilingualField('tagline', 'field.tagline', { required: true }),
				{
					name: 'url',
					label: label('field.url'),
					widget: 'string',
					pattern: ['^https?://[^\\s/]+\\S*$', label('field.url.pattern')],
				},
				{
					name: 'timeZone',
					label: label('field.timeZone'),
					widget: 'string',
					hint: label('field.timeZone.hint'),
				},
				{
					name: 'digits',
					label: label('field.digits'),
					widget: 'select',
					required: false,
					default: 'latn',
					hint: label('field.digits.hint'),
					options: [
						{ label: label('field.digits.latn'), value: 'latn' },
						{ label: label('field.digits.arab'), value: 'arab' },
					],
				},
				{
					name: 'social',
					label: label('field.social'),
					label_singular: label('field.socialAccount'),
					widget: 'list',
					required: false,
					summary: '{{fields.name}}',
					fields: [
						{ name: 'name', label: label('field.socialName'), widget: 'string' },
						{
							name: 'url',
							label: label('field.socialUrl'),
							widget: 'string',
							pattern: ['^https?://\\S+$', label('field.url.pattern')],
						},
					],
				},
			] as CmsField[],
		},
		{
			name: 'frontPage',
			label: label('settings.frontPage'),
			file: 'content/settings/frontpage.yml',
			fields: [
				{
					name: 'headlines',
					label: label('field.headlines'),
					widget: 'number',
					value_type: 'int',
					min: 1,
					max: 12,
					default: 5,
					required: false,
				},
				{
					name: 'latest',
					label: label('field.latest'),
					widget: 'number',
					value_type: 'int',
					min: 1,
					max: 30,
					default: 8,
					required: false,
				},
				{
					name: 'sections',
					label: label('field.sections'),
					label_singular: label('field.section'),
					widget: 'list',
					required: false,
					field: choiceField('section', 'field.section', choices.sections),
				},
				{
					name: 'perSection',
					label: label('field.perSection'),
					widget: 'number',
					value_type: 'int',
					min: 1,
					max: 12,
					default: 4,
					required: false,
				},
			] as CmsField[],
		},
	],
});

/** Where uploads go unless a collection or field says otherwise. */
export const MEDIA_FOLDER = 'content/media';

/** Every collection, in the order of the CMS's sidebar. */
export function cmsCollections(choices: CmsChoices): CmsCollection[] {
	return [articles(choices), categories, authors, pages, settings(choices)];
}

/** The whole configuration for `options` (see `backend.ts`) and the forms' `choices`. */
export function cmsConfig(
	options: CmsOptions,
	choices: CmsChoices = { sections: [], authors: [] },
): CmsConfig {
	return {
		load_config_file: false,
		locale: 'ar',
		...backendConfig(options),
		site_url: '/',
		display_url: '/',
		media_folder: MEDIA_FOLDER,
		public_folder: '/media',
		// A fallback only: slugs are typed into their own field, and uploads renamed before this.
		slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
		i18n,
		collections: cmsCollections(choices),
	} as CmsConfig;
}
