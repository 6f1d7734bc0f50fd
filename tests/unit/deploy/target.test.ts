import { mkdir, mkdtemp, readdir, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
	commitOfRelease,
	deployTarget,
	previousRelease,
	pruneReleases,
	pruneSearch,
	recordLive,
	releaseId,
	searchOfRelease,
	switchCurrent,
	switchSearch,
	writeHistory,
	type DeployTarget,
} from '#src/deploy/target.ts';
import { readWhile, serveCurrent } from '../../helpers/reader.ts';

let target: DeployTarget;

/** A release folder holding a small whole site whose heading names it. */
async function makeRelease(id: string): Promise<void> {
	const folder = join(target.releases, id);
	await mkdir(join(folder, 'en'), { recursive: true });
	const page = `<!doctype html><html><head><title>${id}</title></head><body><h1>${id}</h1>${'<p>نص</p>'.repeat(300)}</body></html>\n`;
	await writeFile(join(folder, 'index.html'), page);
	await writeFile(join(folder, 'en', 'index.html'), page);
}

const ids = [
	'20261201T090000000Z-aaaaaaaaaaaa',
	'20261201T100000000Z-bbbbbbbbbbbb',
	'20261201T110000000Z-cccccccccccc',
	'20261201T120000000Z-dddddddddddd',
];

beforeEach(async () => {
	target = deployTarget(await mkdtemp(join(tmpdir(), 'newsroom-target-')));
	await mkdir(target.releases, { recursive: true });
	await mkdir(target.work, { recursive: true });
	for (const id of ids) await makeRelease(id);
});
afterEach(() => rm(target.root, { recursive: true, force: true }));

describe('release names', () => {
	test('sort by time and carry the commit', () => {
		const early = releaseId('0123456789abcdef0123456789abcdef01234567', new Date('2026-12-01T09:00:00.005Z'));
		const late = releaseId('fedcba9876543210fedcba9876543210fedcba98', new Date('2026-12-01T10:00:00Z'));
		expect(early).toBe('20261201T090000005Z-0123456789ab');
		expect([late, early].sort()).toEqual([early, late]);
		expect(commitOfRelease(late)).toBe('fedcba987654');
		expect(() => commitOfRelease('current')).toThrow(/not a release name/);
	});
});

describe('switching current', () => {
	test('a reader requesting pages in a loop never finds no site while current switches back and forth', async () => {
		await switchCurrent(target, ids[0]!);
		const { server, url } = await serveCurrent(target.current);
		try {
			const switching = (async () => {
				for (let round = 0; round < 300; round++) {
					await switchCurrent(target, ids[round % 2]!);
					await new Promise((resolve) => setImmediate(resolve));
				}
			})();
			const reader = await readWhile(url, ['/', '/en/'], switching);
			expect(reader.failures).toEqual([]);
			expect(reader.headings).toEqual(new Set([ids[0], ids[1]]));
		} finally {
			await new Promise((resolve) => server.close(resolve));
		}
	});

	test('the reader catches a switch that is not atomic (remove the link, then make it)', async () => {
		await switchCurrent(target, ids[0]!);
		const { server, url } = await serveCurrent(target.current);
		try {
			const naive = (async () => {
				for (let round = 0; round < 300; round++) {
					await rm(target.current, { force: true });
					await new Promise((resolve) => setTimeout(resolve, 1));
					await symlink(join('releases', ids[round % 2]!), target.current);
					await new Promise((resolve) => setTimeout(resolve, 1));
				}
			})();
			const reader = await readWhile(url, ['/', '/en/'], naive);
			expect(reader.failures.length).toBeGreaterThan(0);
		} finally {
			await new Promise((resolve) => server.close(resolve));
		}
	});

	test('the link is relative, so the target folder can move', async () => {
		await switchCurrent(target, ids[2]!);
		expect(await readlink(target.current)).toBe(join('releases', ids[2]!));
	});
});

describe('keeping releases', () => {
	test('keeps the newest N and never deletes the live one', async () => {
		await switchCurrent(target, ids[0]!);
		const deleted = await pruneReleases(target, 2);
		expect(deleted).toEqual([ids[1]]);
		expect((await readdir(target.releases)).sort()).toEqual([ids[0], ids[2], ids[3]]);
		expect(await readdir(target.work)).toEqual([]);
	});
});

describe('rolling back', () => {
	test('goes back to the release live before, again and again, skipping deleted ones', async () => {
		for (const id of [ids[0]!, ids[1]!, ids[3]!, ids[2]!]) {
			await switchCurrent(target, id);
			await recordLive(target, id);
		}
		// Live: ids[2], which went live after ids[3] (a rebuild or a re-push of an older commit).
		let previous = await previousRelease(target);
		expect(previous?.id).toBe(ids[3]);
		await switchCurrent(target, previous!.id);
		await writeHistory(target, previous!.history);

		await rm(join(target.releases, ids[1]!), { recursive: true });
		previous = await previousRelease(target);
		expect(previous?.id).toBe(ids[0]);
		await switchCurrent(target, previous!.id);
		await writeHistory(target, previous!.history);

		expect(await previousRelease(target)).toBeUndefined();
	});

	test('without a history, goes to the next older release', async () => {
		await switchCurrent(target, ids[2]!);
		expect((await previousRelease(target))?.id).toBe(ids[1]);
	});
});

describe('search indexes (search/<key>/, linked from each release)', () => {
	/** An index folder whose page names it, as the reader helper requests pages. */
	async function makeIndex(key: string): Promise<void> {
		const folder = join(target.search, key);
		await mkdir(folder, { recursive: true });
		await writeFile(
			join(folder, 'index.html'),
			`<!doctype html><html><head><title>${key}</title></head><body><h1>${key}</h1>${'<p>فهرس</p>'.repeat(300)}</body></html>\n`,
		);
	}

	test('a reader of the live index never finds none while the release switches from one index to another', async () => {
		await makeIndex('old');
		await makeIndex('new');
		const release = join(target.releases, ids[0]!);
		await switchSearch(release, 'old');
		await switchCurrent(target, ids[0]!);
		const { server, url } = await serveCurrent(target.current);
		try {
			const switching = (async () => {
				for (let round = 0; round < 300; round++) {
					await switchSearch(release, round % 2 ? 'old' : 'new');
					await new Promise((resolve) => setImmediate(resolve));
				}
			})();
			const reader = await readWhile(url, ['/pagefind/'], switching);
			expect(reader.failures).toEqual([]);
			expect(reader.headings).toEqual(new Set(['old', 'new']));
		} finally {
			await new Promise((resolve) => server.close(resolve));
		}
	});

	test('the link is relative to the release and names its key; a plain folder (an older release) has none and is replaced', async () => {
		const release = join(target.releases, ids[1]!);
		await mkdir(join(release, 'pagefind', 'ar'), { recursive: true });
		expect(await searchOfRelease(target, ids[1]!)).toBeUndefined();
		await switchSearch(release, 'key-1');
		expect(await readlink(join(release, 'pagefind'))).toBe(join('..', '..', 'search', 'key-1'));
		expect(await searchOfRelease(target, ids[1]!)).toBe('key-1');
		expect(await searchOfRelease(target, ids[2]!)).toBeUndefined();
	});

	test('only the indexes no kept release links to are deleted', async () => {
		for (const key of ['a', 'b', 'orphan']) await makeIndex(key);
		await switchSearch(join(target.releases, ids[0]!), 'a');
		// A release whose own index failed links to the index of the release before it.
		await switchSearch(join(target.releases, ids[1]!), 'a');
		await switchSearch(join(target.releases, ids[2]!), 'b');
		expect(await pruneSearch(target)).toEqual(['orphan']);
		expect((await readdir(target.search)).sort()).toEqual(['a', 'b']);
		expect(await readdir(target.work)).toEqual([]);
	});
});
