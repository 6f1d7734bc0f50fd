import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
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
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
			encoding: 'utf8',
		},
	);

beforeAll(async () => {
	copy = await makeSiteCopy();
});
afterAll(() => copy.remove());

const STARTED_FROM_LINKS = '[newsroom:output] starting from the last output';

test('a failed build leaves the previous dist/ byte for byte, and no build touches content/', async () => {
	const contentBefore = treeDigest(join(copy.root, 'content'));
	const first = npmBuild();
	expect(first.status, first.stderr).toBe(0);
	expect(treeDigest(join(copy.root, 'content'))).toBe(contentBefore);

	// A failure late in the build, once Astro has written pages into the folder that started as
	// links to dist/: a file stands where the new article's folder must go.
	await writeFile(
		join(copy.root, 'content/articles/ar/late-failure.md'),
		`---\ntitle: خبر\ndate: '2026-01-02T10:00:00+03:00'\ncategory: world\n---\nنص\n`,
	);
	await writeFile(join(copy.root, 'dist/news/late-failure'), 'not a folder');
	const site = treeDigest(join(copy.root, 'dist'));
	const late = npmBuild();
	expect(late.status).not.toBe(0);
	expect(late.stdout).toContain(STARTED_FROM_LINKS);
	expect(late.stdout).toMatch(/├─ .*\(\+\d/);
	expect(late.stderr).toContain('dist/ is left as it was');
	expect(treeDigest(join(copy.root, 'dist'))).toBe(site);
	expect(readdirSync(copy.root)).not.toContain('.dist-next');

	// The failed build may have left Astro's cache half-written: the next build starts empty.
	await rm(join(copy.root, 'dist/news/late-failure'));
	const recovered = npmBuild();
	expect(recovered.status, recovered.stderr).toBe(0);
	expect(recovered.stdout).toContain('[newsroom:output] starting empty');
	const rebuilt = treeDigest(join(copy.root, 'dist'));

	await writeFile(
		join(copy.root, 'content/articles/ar/broken.md'),
		'---\ntitle: خبر\ndate: yesterday\ncategory: world\n---\nنص\n',
	);
	const contentBroken = treeDigest(join(copy.root, 'content'));
	const broken = npmBuild();
	expect(broken.status).not.toBe(0);
	expect(broken.stdout).toContain(STARTED_FROM_LINKS);
	expect(broken.stderr).toContain('dist/ is left as it was');
	expect(treeDigest(join(copy.root, 'dist'))).toBe(rebuilt);
	expect(treeDigest(join(copy.root, 'content'))).toBe(contentBroken);
	expect(readdirSync(copy.root)).not.toContain('.dist-next');
}, 900_000);
