import { describe, expect, test } from 'vitest';
import { sameDocument } from '#src/cms/same-document.ts';
import { keepUnchanged } from '#src/cms/unchanged.ts';

const ON_DISK = `---
# A comment Decap would drop.
title: "الموازنة: 91 صوتًا"
date: 2026-05-01T10:00:00+03:00
category: politics
tags: [الموازنة, البرلمان]
---

صوّت **91** نائبًا.

* أولًا
* ثانيًا
`;

describe('sameDocument', () => {
	test.each([
		['the same bytes', ON_DISK],
		[
			'Decap’s rewrite: other quoting, key order, the date in UTC, other list markers and emphasis',
			`---\ncategory: politics\ntitle: 'الموازنة: 91 صوتًا'\ndate: '2026-05-01T07:00:00.000Z'\ntags:\n  - الموازنة\n  - البرلمان\n---\n\nصوّت __91__ نائبًا.\n\n- أولًا\n- ثانيًا\n`,
		],
	])('%s: the same', (_name, written) => {
		expect(sameDocument('content/articles/ar/a.md', ON_DISK, written)).toBe(true);
	});

	test.each([
		['another title', ON_DISK.replace('91 صوتًا', '92 صوتًا')],
		['another instant', ON_DISK.replace('10:00:00+03:00', '10:00:00+02:00')],
		['a tag fewer', ON_DISK.replace(', البرلمان', '')],
		['a word of the body', ON_DISK.replace('نائبًا', 'نائبا')],
		['emphasis dropped', ON_DISK.replace('**91**', '91')],
		['a field added', ON_DISK.replace('category: politics', 'category: politics\nfeatured: true')],
		['broken front matter', ON_DISK.replace('tags: [', 'tags: [[')],
	])('%s: not the same', (_name, written) => {
		expect(sameDocument('content/articles/ar/a.md', ON_DISK, written)).toBe(false);
	});

	test('YAML data files compare as data; other files only byte for byte', () => {
		expect(
			sameDocument(
				'content/authors/a.yml',
				'name:\n  ar: ليلى\norder: 1\n',
				"order: 1\nname: { ar: 'ليلى' }\n",
			),
		).toBe(true);
		expect(sameDocument('content/authors/a.yml', 'name:\n  ar: ليلى\n', 'name:\n  ar: ليلي\n')).toBe(false);
		expect(sameDocument('content/media/a.svg', '<svg/>', '<svg />')).toBe(false);
	});
});

describe('keepUnchanged', () => {
	const read = (files: Record<string, string>) => async (path: string) =>
		path in files ? Buffer.from(files[path]!) : undefined;

	test('puts back the bytes on disk and reports nothing to save', async () => {
		const params = {
			dataFiles: [{ path: 'a.md', raw: ON_DISK.replace('"الموازنة: 91 صوتًا"', "'الموازنة: 91 صوتًا'") }],
			assets: [],
		};
		expect(await keepUnchanged(params, read({ 'a.md': ON_DISK }))).toBe(true);
		expect(params.dataFiles[0]!.raw).toBe(ON_DISK);
	});

	test.each([
		['a changed file', { dataFiles: [{ path: 'a.md', raw: ON_DISK.replace('91', '92') }], assets: [] }],
		['a new file', { dataFiles: [{ path: 'b.md', raw: ON_DISK }], assets: [] }],
		[
			'a new image',
			{
				dataFiles: [{ path: 'a.md', raw: ON_DISK }],
				assets: [{ path: 'x.jpg', content: 'eA==', encoding: 'base64' as const }],
			},
		],
		['a rename', { dataFiles: [{ path: 'a.md', raw: ON_DISK, newPath: 'c.md' }], assets: [] }],
	])('%s is saved', async (_name, params) => {
		expect(await keepUnchanged(params, read({ 'a.md': ON_DISK }))).toBe(false);
	});
});
