/**
 * The path lock: the CMS's local backend reads, lists, writes and deletes only inside the folders
 * and files that the CMS's configuration names (admin/config.ts), never through a symbolic link.
 * In: decap-server API requests. Out: the request passed on, or refused with 403 before anything
 * is read or written; listings with anything that is not allowed left out.
 */
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CmsCollection, CmsField } from 'decap-cms-core';
import { refuse, type Middleware, type Request } from './locks.ts';

/** A decap-server API request, as far as paths go (decap-server's `types.ts`). */
export interface ApiRequest {
	action?: string;
	params?: {
		folder?: string;
		mediaFolder?: string;
		path?: string;
		paths?: string[];
		files?: { path?: string }[];
		entry?: { path?: string; newPath?: string };
		dataFiles?: { path?: string; newPath?: string }[];
		assets?: { path?: string }[];
		asset?: { path?: string };
	};
}

/** Every repository path a request names, whatever it does with it. */
export function pathsOf(body: ApiRequest): unknown[] {
	const params = body.params ?? {};
	switch (body.action) {
		case 'entriesByFolder':
			return [params.folder];
		case 'getMedia':
			return [params.mediaFolder];
		case 'entriesByFiles':
			return (params.files ?? []).map((file) => file?.path);
		case 'persistEntry':
			return [
				...(params.dataFiles ?? [params.entry]).flatMap((file) => [
					file?.path,
					...(file?.newPath === undefined ? [] : [file.newPath]),
				]),
				...(params.assets ?? []).map((asset) => asset?.path),
			];
		case 'persistMedia':
			return [params.asset?.path];
		case 'deleteFiles':
			return params.paths ?? [];
		case 'getEntry':
		case 'getMediaFile':
		case 'deleteFile':
		case 'unpublishedEntryDataFile':
		case 'unpublishedEntryMediaFile':
			return [params.path];
		default:
			return [];
	}
}

/** The folders and files the collections name: their folders, files and media folders. */
export function editedRoots(collections: CmsCollection[], mediaFolder: string): string[] {
	const roots = new Set([mediaFolder]);
	const addFields = (fields: CmsField[] | undefined) => {
		for (const field of fields ?? []) {
			const nested = field as CmsField & { media_folder?: string; fields?: CmsField[]; field?: CmsField };
			if (nested.media_folder) roots.add(nested.media_folder);
			addFields(nested.fields);
			if (nested.field) addFields([nested.field]);
		}
	};
	for (const collection of collections) {
		if (collection.folder) roots.add(collection.folder);
		if (collection.media_folder) roots.add(collection.media_folder);
		for (const file of collection.files ?? []) {
			roots.add(file.file);
			addFields(file.fields);
		}
		addFields(collection.fields);
	}
	return [...new Set([...roots].map((root) => root.replace(/^\/+|\/+$/g, '')))];
}

/**
 * Why `path` may not be touched, or undefined when it may: a relative path of plain segments (no
 * `..`, no dot files such as `.git`, nothing encoded), inside one of `roots`, with no symbolic
 * link on the way from the repository's root.
 */
export async function pathProblem(root: string, roots: string[], path: unknown): Promise<string | undefined> {
	if (typeof path !== 'string' || path === '') return 'a path is missing';
	const relative = path.replace(/\/$/, '');
	if (/[\\\0%]/.test(relative) || relative.startsWith('/')) return `not a plain relative path: ${path}`;
	const segments = relative.split('/');
	if (segments.some((segment) => segment === '' || segment.startsWith('.')))
		return `not a plain relative path: ${path}`;
	if (!roots.some((allowed) => relative === allowed || relative.startsWith(`${allowed}/`)))
		return `outside the content the CMS edits: ${path}`;
	let current = root;
	for (const segment of segments) {
		current = join(current, segment);
		try {
			if ((await lstat(current)).isSymbolicLink()) return `a symbolic link: ${path}`;
		} catch {
			break; // not there yet: a new file or folder, created inside the checked ones
		}
	}
	return undefined;
}

/** What a listing answers with: entries (`file.path`) or media files (`path`). */
type Listed = { path?: string; file?: { path?: string } };

/**
 * Refuses a request naming a path that `pathProblem` rejects, and leaves out of listings every
 * entry that it would reject (a symbolic link inside a content folder).
 */
export function pathLock(root: string, roots: string[]): Middleware {
	return (request: Request, response, next) => {
		const body = (request.body ?? {}) as ApiRequest;
		Promise.all(pathsOf(body).map((path) => pathProblem(root, roots, path)))
			.then((problems) => {
				const problem = problems.find(Boolean);
				if (problem) return refuse(response, `refused: ${problem}`);
				if (body.action === 'entriesByFolder' || body.action === 'getMedia')
					filterListing(response, root, roots);
				next();
			})
			.catch(next);
	};
}

/** Makes `response.json` drop listed items whose path is refused before sending. */
function filterListing(response: Parameters<Middleware>[1], root: string, roots: string[]): void {
	const express = response as typeof response & { json(body: unknown): unknown };
	const send = express.json.bind(express);
	express.json = (body: unknown) => {
		if (!Array.isArray(body)) return send(body);
		Promise.all(
			(body as Listed[]).map((item) => pathProblem(root, roots, item?.file?.path ?? item?.path)),
		).then(
			(problems) => send(body.filter((_item, index) => !problems[index])),
			() => send([]),
		);
		return express;
	};
}
