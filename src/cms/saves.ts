/**
 * Saves that either happen whole or leave the repository as it was. In: decap-server API
 * requests (after the locks). Out: decap-server's answer; a save that changes nothing answered
 * without writing; a failed request undone and answered with what happened in Arabic.
 * Requests run one at a time.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ServerResponse } from 'node:http';
import type { Workspace } from './git-workspace.ts';
import type { Middleware, Request } from './locks.ts';
import { pathsOf, type ApiRequest } from './paths.ts';
import { keepUnchanged, type PersistParams, type ReadCurrent } from './unchanged.ts';

/** What the editor reads when a save failed (Decap shows it after «تعذّر حفظ المادة:»). */
export const FAILED_SAVE =
	'لم يُحفظ شيء، وبقي المستودع كما كان. أعد المحاولة بعد لحظة؛ وإن تكرّر الخطأ فانسخ نصّ المادة احتياطًا وانظر رسالة الخادم في الطرفية التي شغّلت منها الموقع.';

/** Requests that write. */
const WRITES = new Set([
	'persistEntry',
	'persistMedia',
	'deleteFile',
	'deleteFiles',
	'deleteUnpublishedEntry',
	'updateUnpublishedEntryStatus',
	'publishUnpublishedEntry',
]);

type JsonResponse = ServerResponse & { json(body: unknown): unknown; status(code: number): JsonResponse };

/** How one mode reads what a save would replace and wraps a request so it can be undone. */
export interface SaveMode {
	/** The file a `persistEntry` would replace, as the save would find it. */
	current(params: PersistParams): ReadCurrent;
	/** Runs `work` (which resolves with whether it succeeded) so that a failure is undone. */
	atomically(body: ApiRequest, work: () => Promise<boolean>): Promise<void>;
}

/** The middleware: one request at a time, no-op saves skipped, failures undone and explained. */
export function saves(mode: SaveMode, log: (line: string) => void = console.error): Middleware {
	let queue: Promise<void> = Promise.resolve();
	return (request: Request, raw, next) => {
		const response = raw as JsonResponse;
		if (request.method !== 'POST') return next();
		const body = (request.body ?? {}) as ApiRequest & { params?: PersistParams };
		const send = response.json.bind(response);
		const turn = queue.then(async () => {
			let answer: { status: number; body: unknown } | undefined;
			try {
				await mode.atomically(body, async () => {
					if (
						body.action === 'persistEntry' &&
						body.params &&
						(await keepUnchanged(body.params, mode.current(body.params)))
					) {
						answer = { status: 200, body: { message: 'entry persisted' } };
						return true;
					}
					answer = await handOver(response, next);
					return answer.status < 500;
				});
			} catch (error) {
				log(
					`CMS backend: ${body.action} failed and was undone: ${error instanceof Error ? error.message : String(error)}`,
				);
				answer = { status: 500, body: { error: FAILED_SAVE } };
			}
			// A read that fails is the CMS asking for a file that is not there (an untranslated
			// article): decap-server's answer stands. A write that fails was undone: say so.
			if (answer!.status >= 500 && WRITES.has(body.action ?? '')) {
				log(
					`CMS backend: ${body.action} failed (${JSON.stringify(answer!.body)}); the repository is as it was.`,
				);
				answer = { status: answer!.status, body: { error: FAILED_SAVE } };
			}
			response.status(answer!.status);
			send(answer!.body);
		});
		queue = turn.catch(() => undefined);
	};
}

/** Lets decap-server handle the request and resolves with the answer it gave, unsent. */
function handOver(response: JsonResponse, next: () => void): Promise<{ status: number; body: unknown }> {
	return new Promise((resolve) => {
		response.json = (body: unknown) => {
			resolve({ status: response.statusCode, body });
			return response;
		};
		next();
	});
}

/** fs mode: the files a request writes are read first and put back if it fails. */
export function fsMode(root: string): SaveMode {
	const read: ReadCurrent = (path) => readFile(join(root, path)).catch(() => undefined);
	return {
		current: () => read,
		async atomically(body, work) {
			const paths = WRITES.has(body.action ?? '')
				? (pathsOf(body).filter((path) => typeof path === 'string') as string[])
				: [];
			const before = await Promise.all(paths.map(read));
			if (await work()) return;
			await Promise.all(
				paths.map(async (path, index) => {
					const contents = before[index];
					if (contents === undefined) return rm(join(root, path), { force: true });
					await mkdir(dirname(join(root, path)), { recursive: true });
					await writeFile(join(root, path), contents);
				}),
			);
		},
	};
}

/**
 * git mode: each request is a transaction of the CMS's worktree (`git-workspace.ts`); drafts
 * that differ from the branch in nothing are removed before the list of drafts is read and after
 * every save.
 */
export function gitMode(workspace: Workspace, branch: string): SaveMode {
	return {
		current(params) {
			const draft = `cms/${params.options?.collectionName}/${(params.dataFiles ?? [params.entry])[0]?.slug}`;
			return async (path) => {
				const ref = params.options?.useWorkflow && (await workspace.hasBranch(draft)) ? draft : branch;
				return workspace.show(ref, path);
			};
		},
		async atomically(body, work) {
			const action = body.action ?? '';
			if (!WRITES.has(action) && action !== 'unpublishedEntries' && action !== 'unpublishedEntry')
				return workspace.read(work);
			await workspace.transaction(async () => {
				if (body.action === 'unpublishedEntries' || body.action === 'unpublishedEntry')
					await workspace.pruneEmptyDrafts();
				const succeeded = await work();
				if (succeeded && body.action === 'persistEntry') await workspace.pruneEmptyDrafts();
				return succeeded;
			}, WRITES.has(action));
		},
	};
}
