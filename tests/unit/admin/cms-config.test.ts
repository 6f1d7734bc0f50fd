import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readChoices } from '../../../admin/choices.ts';
import dayjs from 'dayjs';
import matter from 'gray-matter';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import type { z } from 'astro/zod';
import { ALT_WIDGET, cmsConfig, DATE_WIDGET, SLUG_WIDGET, TAGS_WIDGET } from '../../../admin/config.ts';
import { zonedIso, wallTime } from '../../../admin/lib/zoned-time.ts';
import { frontMatterFormat, yamlFormat } from '../../../admin/lib/front-matter.ts';
import { articleFrontmatterSchema } from '#src/schemas/article.ts';
import { authorSchema } from '#src/schemas/author.ts';
import { categorySchema } from '#src/schemas/category.ts';
import { ISO_WITH_ZONE } from '#src/schemas/common.ts';
import { pageSchema } from '#src/schemas/page.ts';
import { frontPageSchema, siteSettingsSchema } from '#src/schemas/settings.ts';
import { projectRoot } from '../../helpers/site-copy.ts';

/**
 * The CMS's forms and the site's schemas describe the same files. These tests fail when a field is
 * added, removed or made optional on one side only, or when what a form writes would not build.
 */

interface Field {
	name: string;
	widget: string;
	required?: boolean;
	fields?: Field[];
	field?: Field;
	collection?: string;
	options?: { label: string; value: string }[];
	format?: string;
	min?: number;
	public_folder?: string;
	pattern?: [string, string];
}

const choices = readChoices(projectRoot);
const config = cmsConfig({ backend: 'github', repo: 'newsroom/newsroom', branch: 'main' }, choices);
const collection = (name: string) => config.collections.find((item) => item.name === name)!;
const settingsFile = (name: string) => collection('settings').files!.find((file) => file.name === name)!;

/** Form keys that are not front-matter keys: the file name, and the Markdown after the front matter. */
const NOT_IN_SCHEMA = new Set(['slug', 'body']);

const forms: [string, z.ZodObject, Field[], 'md' | 'yml', string | undefined][] = [
	[
		'articles',
		articleFrontmatterSchema,
		collection('articles').fields as Field[],
		'md',
		collection('articles').public_folder,
	],
	['pages', pageSchema, collection('pages').fields as Field[], 'md', undefined],
	['categories', categorySchema, collection('categories').fields as Field[], 'yml', undefined],
	['authors', authorSchema, collection('authors').fields as Field[], 'yml', undefined],
	['settings/site', siteSettingsSchema, settingsFile('site').fields as Field[], 'yml', undefined],
	['settings/frontPage', frontPageSchema, settingsFile('frontPage').fields as Field[], 'yml', undefined],
];

/** The object schema inside optional/default wrappers, if any. */
function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
	let inner = schema as z.ZodType & { def: { type: string; innerType?: z.ZodType } };
	while (inner.def.innerType) inner = inner.def.innerType as typeof inner;
	return inner.def.type === 'object' ? (inner as unknown as z.ZodObject).shape : undefined;
}

/** Pairs every form field with its schema field, into nested objects, as "path: problem" lines. */
function drift(fields: Field[], shape: Record<string, z.ZodType>, prefix = ''): string[] {
	const problems: string[] = [];
	const formKeys = fields.map((field) => field.name).filter((name) => !NOT_IN_SCHEMA.has(name));
	for (const key of Object.keys(shape))
		if (!formKeys.includes(key)) problems.push(`${prefix}${key}: in the schema, not in the CMS`);
	for (const field of fields) {
		if (NOT_IN_SCHEMA.has(field.name)) continue;
		const schema = shape[field.name];
		if (!schema) {
			problems.push(`${prefix}${field.name}: in the CMS, not in the schema`);
			continue;
		}
		const requiredInForm = field.required !== false;
		const requiredInSchema = !schema.safeParse(undefined).success;
		if (requiredInForm !== requiredInSchema)
			problems.push(
				`${prefix}${field.name}: required ${requiredInForm} in the CMS, ${requiredInSchema} in the schema`,
			);
		const nested = objectShape(schema);
		if (field.widget === 'object' && nested)
			problems.push(...drift(field.fields!, nested, `${prefix}${field.name}.`));
	}
	return problems;
}

/** What the widget of `field` writes when an editor fills it in. */
function filled(field: Field, publicFolder: string | undefined): unknown {
	switch (field.widget) {
		case 'string':
		case ALT_WIDGET:
			if (field.name === 'url') return 'https://news.example.org/';
			if (field.name === 'timeZone') return 'Asia/Riyadh';
			return 'نص عربي مع English';
		case 'text':
			return 'سطر أول\nسطر ثانٍ';
		case 'markdown':
			return '## عنوان فرعي\n\nفقرة فيها [رابط](https://example.org).';
		case SLUG_WIDGET:
			return 'sample-slug-2026';
		case DATE_WIDGET:
			// Exactly what the newsroom's date widget writes: now on the newsroom's clock, with its offset.
			return zonedIso(wallTime(new Date(), 'Asia/Riyadh'), 'Asia/Riyadh');
		case TAGS_WIDGET:
			return ['وسم أول', 'tag two'];
		case 'boolean':
			return true;
		case 'select':
			// The last option, so a sample differs from the default.
			return field.options!.at(-1)!.value;
		case 'number':
			return field.min ?? 3;
		case 'image':
			return `${field.public_folder ?? publicFolder}/photo.jpg`;
		case 'object':
			return Object.fromEntries(field.fields!.map((sub) => [sub.name, filled(sub, publicFolder)]));
		case 'list':
			return field.field
				? [filled(field.field, publicFolder)]
				: [Object.fromEntries(field.fields!.map((sub) => [sub.name, filled(sub, publicFolder)]))];
		default:
			throw new Error(`no sample for widget ${field.widget}`);
	}
}

/** What Decap hands the format when only required fields were filled: the rest empty, as the widgets leave them. */
function minimal(field: Field, publicFolder: string | undefined): unknown {
	if (field.required === false)
		return field.widget === 'list' ? [] : field.widget === 'boolean' ? undefined : '';
	if (field.widget === 'object')
		return Object.fromEntries(field.fields!.map((sub) => [sub.name, minimal(sub, publicFolder)]));
	return filled(field, publicFolder);
}

/** Writes the form data through the CMS's format and reads the file back as the site does. */
function roundTrip(kind: 'md' | 'yml', data: Record<string, unknown>): unknown {
	const sortedKeys = Object.keys(data);
	if (kind === 'md') return matter(frontMatterFormat.toFile(data, sortedKeys)).data;
	return loadYaml(yamlFormat.toFile(data, sortedKeys));
}

describe.each(forms)('the CMS form for %s', (_name, schema, fields, kind, publicFolder) => {
	test('has the same fields as the schema, required where the schema requires them', () => {
		expect(drift(fields, schema.shape)).toEqual([]);
	});

	test('writes a file that the schema accepts, with every field filled in', () => {
		const data = Object.fromEntries(fields.map((field) => [field.name, filled(field, publicFolder)]));
		const result = schema.safeParse(roundTrip(kind, data));
		expect(result.success ? [] : result.error.issues).toEqual([]);
	});

	test('writes a file that the schema accepts, with only the required fields filled in', () => {
		const data = Object.fromEntries(fields.map((field) => [field.name, minimal(field, publicFolder)]));
		const result = schema.safeParse(roundTrip(kind, data));
		expect(result.success ? [] : result.error.issues).toEqual([]);
	});
});

describe('the drift check itself', () => {
	test('reports a schema field the CMS lacks, an extra form field and a required mismatch', () => {
		const fields = (collection('categories').fields as Field[]).filter((field) => field.name !== 'order');
		fields.push({ name: 'colour', widget: 'string' });
		const description = fields.find((field) => field.name === 'description')!;
		const name = fields.find((field) => field.name === 'name')!;
		const changed = fields.map((field) =>
			field === description
				? { ...field, required: true }
				: field === name
					? { ...field, fields: [name.fields![0]!, { ...name.fields![1]!, required: false }] }
					: field,
		);
		expect(drift(changed, categorySchema.shape)).toEqual([
			'order: in the schema, not in the CMS',
			'name.en: required false in the CMS, true in the schema',
			'description: required true in the CMS, false in the schema',
			'colour: in the CMS, not in the schema',
		]);
	});
});

describe('dates from the CMS', () => {
	const dateFields = forms.flatMap(([, , fields]) =>
		fields.filter((field) => field.name === 'date' || field.name === 'updated'),
	);

	test('every date field is the newsroom’s date widget, which writes ISO 8601 with the zone the schema needs', () => {
		expect(dateFields.length).toBeGreaterThan(0);
		for (const field of dateFields) expect(field.widget).toBe(DATE_WIDGET);
		expect(zonedIso({ year: 2026, month: 5, day: 1, hour: 10, minute: 0 }, 'Asia/Riyadh')).toMatch(
			ISO_WITH_ZONE,
		);
	});

	test('a date without a zone, as a bare datetime-local value, would be rejected', () => {
		const article = { title: 'عنوان', category: 'world', date: dayjs().format('YYYY-MM-DDTHH:mm') };
		expect(articleFrontmatterSchema.safeParse(article).success).toBe(false);
	});
});

describe('slugs in the CMS', () => {
	const slugFields = config.collections.flatMap((item) =>
		((item.fields ?? []) as Field[]).filter((field) => field.name === 'slug'),
	);

	test('every folder collection names its files from a required slug field with the schema pattern', () => {
		const folders = config.collections.filter((item) => item.folder);
		expect(folders.map((item) => item.slug)).toEqual(folders.map(() => '{{fields.slug}}'));
		expect(slugFields).toHaveLength(folders.length);
		for (const field of slugFields) {
			expect(field.required).not.toBe(false);
			expect(field.widget).toBe(SLUG_WIDGET);
			expect(field.pattern![1]).toMatch(/\p{Script=Arabic}/u);
		}
	});

	test.each([
		['budget-vote-2027', true],
		['qasm-twkayyf', true],
		['الموازنة', false],
		['Budget-Vote', false],
		['budget vote', false],
		['budget--vote', false],
		['-budget', false],
		['', false],
	])('%j is %s', (slug, accepted) => {
		for (const field of slugFields) expect(new RegExp(field.pattern![0]).test(slug)).toBe(accepted);
	});
});

describe('sections and authors', () => {
	const ids = (folder: string) =>
		readdirSync(join(projectRoot, 'content', folder))
			.filter((name) => name.endsWith('.yml'))
			.map((name) => name.slice(0, -4))
			.sort();
	const fieldsOf = (fields: Field[]): Field[] =>
		fields.flatMap((field) => [
			field,
			...fieldsOf([...(field.fields ?? []), ...(field.field ? [field.field] : [])]),
		]);
	const all = config.collections.flatMap((item) =>
		fieldsOf([
			...((item.fields ?? []) as Field[]),
			...(item.files ?? []).flatMap((file) => file.fields as Field[]),
		]),
	);

	test('are offered as selects of every section and author in content/, with their Arabic names', () => {
		expect(choices.sections.map((choice) => choice.value).sort()).toEqual(ids('categories'));
		expect(choices.authors.map((choice) => choice.value).sort()).toEqual(ids('authors'));
		expect(choices.sections.find((choice) => choice.value === 'politics')?.label).toBe('سياسة');
		for (const name of ['category', 'author', 'section']) {
			const field = all.find((item) => item.name === name)!;
			expect(field.widget, name).toBe('select');
			expect(field.options!.length, name).toBeGreaterThan(0);
		}
	});

	test('no field is a relation widget, which marks an untouched entry as changed (decap-cms #7142)', () => {
		expect(all.filter((field) => field.widget === 'relation').map((field) => field.name)).toEqual([]);
	});
});

describe('the article form and list', () => {
	const articles = collection('articles');
	const body = (articles.fields as Array<Field & { buttons?: string[] }>).find(
		(field) => field.name === 'body',
	)!;

	test('offer the tags the site already uses, per language, most used first', () => {
		expect(choices.tags?.ar).toContain('كرة القدم');
		expect(choices.tags?.ar.length).toBeGreaterThan(10);
		expect(choices.tags?.en.every((tag) => !/\p{Script=Arabic}/u.test(tag))).toBe(true);
	});

	test('the body has no first-level heading: the headline is the page’s only H1', () => {
		expect(body.buttons).not.toContain('heading-one');
		expect(body.buttons).toContain('heading-two');
	});

	test('the list is newest first, filters by state and section, and «اعرض على الموقع» opens the article', () => {
		expect(articles.sortable_fields).toContainEqual(
			expect.objectContaining({ field: 'date', default_sort: 'desc' }),
		);
		const filters = articles.view_filters as unknown as Array<{ label: string; field: string }>;
		expect(filters.map((filter) => filter.label)).toEqual(
			expect.arrayContaining(['المسودات', 'المجدولة', 'المنشورة', 'سياسة']),
		);
		expect(articles.preview_path).toBe('news/{{slug}}/');
	});
});
