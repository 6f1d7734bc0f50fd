import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cmsCollections, MEDIA_FOLDER } from '../../../admin/config.ts';
import { editedRoots, pathProblem, pathsOf } from '#src/cms/paths.ts';

const roots = editedRoots(cmsCollections({ sections: [], authors: [] }), MEDIA_FOLDER);

test('the CMS edits the content folders, its settings files and media folders, nothing else', () => {
	expect([...roots].sort()).toEqual([
		'content/articles',
		'content/authors',
		'content/categories',
		'content/media',
		'content/pages',
		'content/settings/frontpage.yml',
		'content/settings/site.yml',
		'public/media/authors',
	]);
});

describe('pathProblem', () => {
	let root: string;
	beforeAll(async () => {
		root = await mkdtemp(join(tmpdir(), 'newsroom-paths-'));
		await mkdir(join(root, 'content/articles/ar'), { recursive: true });
		await symlink('../../..', join(root, 'content/articles/ar/up'));
	});
	afterAll(() => rm(root, { recursive: true, force: true }));

	test.each([
		'content/articles/ar/new.md',
		'content/articles/en/new.md',
		'content/media/photo.jpg',
		'content/settings/site.yml',
		'content/articles',
		'content/media/',
	])('%s is allowed', async (path) => {
		expect(await pathProblem(root, roots, path)).toBeUndefined();
	});

	test.each([
		['.git/config', /plain relative/],
		['content/settings/embeds.yml', /outside the content/],
		['content/settings', /outside the content/],
		['content/articles-old/a.md', /outside the content/],
		['src/pages/index.astro', /outside the content/],
		['content/articles/ar/up/package.json', /symbolic link/],
		['content/articles/ar/../../../package.json', /plain relative/],
		['content/articles/%2e%2e/x', /plain relative/],
		['content/articles//a.md', /plain relative/],
		['/content/articles/a.md', /plain relative/],
		['', /missing/],
		[42, /missing/],
	])('%s is refused', async (path, reason) => {
		expect(await pathProblem(root, roots, path)).toMatch(reason);
	});
});

test('pathsOf names every path of every action that has one', () => {
	expect(
		pathsOf({
			action: 'persistEntry',
			params: { dataFiles: [{ path: 'a', newPath: 'b' }], assets: [{ path: 'c' }] },
		}),
	).toEqual(['a', 'b', 'c']);
	expect(pathsOf({ action: 'persistEntry', params: { entry: { path: 'a' } } })).toEqual(['a']);
	expect(pathsOf({ action: 'entriesByFolder', params: { folder: 'f' } })).toEqual(['f']);
	expect(pathsOf({ action: 'getMedia', params: { mediaFolder: 'm' } })).toEqual(['m']);
	expect(pathsOf({ action: 'deleteFiles', params: { paths: ['a', 'b'] } })).toEqual(['a', 'b']);
	expect(pathsOf({ action: 'unpublishedEntryMediaFile', params: { path: 'p' } })).toEqual(['p']);
	expect(pathsOf({ action: 'info' })).toEqual([]);
});
