import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeSiteCopy } from '../helpers/site-copy.ts';

/** A digest of every file under a folder, path and bytes: equal digests mean an untouched tree. */
function treeDigest(dir: string): string {
	const hash = createHash('sha256');
	for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
		const path = join(dir, file);
		if (!statSync(path).isFile()) continue;
		hash.update(file).update('\0').update(readFileSync(path)).update('\0');
	}
	return hash.digest('hex');
}

let copy: Awaited<ReturnType<typeof makeSiteCopy>>;
const npmBuild = () =>
	spawnSync(
		process.execPath,
		['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'src/cli/build.ts'],
		{
			cwd: copy.root,
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
			encoding: 'utf8',
		},
	);

beforeAll(async () => {
	copy = await makeSiteCopy();
});
afterAll(() => copy.remove());

test('a failed build leaves the previous dist/ byte for byte, and no build touches content/', async () => {
	const contentBefore = treeDigest(join(copy.root, 'content'));
	const first = npmBuild();
	expect(first.status, first.stderr).toBe(0);
	const site = treeDigest(join(copy.root, 'dist'));
	expect(treeDigest(join(copy.root, 'content'))).toBe(contentBefore);

	await writeFile(
		join(copy.root, 'content/articles/ar/broken.md'),
		'---\ntitle: خبر\ndate: yesterday\ncategory: world\n---\nنص\n',
	);
	const contentBroken = treeDigest(join(copy.root, 'content'));
	const second = npmBuild();
	expect(second.status).not.toBe(0);
	expect(second.stderr).toContain('dist/ is left as it was');
	expect(treeDigest(join(copy.root, 'dist'))).toBe(site);
	expect(treeDigest(join(copy.root, 'content'))).toBe(contentBroken);
	expect(readdirSync(copy.root)).not.toContain('.dist-next');
});
