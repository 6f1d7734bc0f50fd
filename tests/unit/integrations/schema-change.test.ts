import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { schemaChange } from '#src/integrations/schema-change.ts';
import { schemaDigest } from '#src/schemas/digest.ts';

const root = mkdtempSync(join(tmpdir(), 'schema-change-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const cacheDir = join(root, 'cache');
const store = join(cacheDir, 'data-store.json');
mkdirSync(join(root, 'src/schemas'), { recursive: true });

/** Runs the integration's setup hook as Astro would, and returns what it logged. */
function setup(): string[] {
	const logged: string[] = [];
	const hook = schemaChange().hooks['astro:config:setup'] as (options: unknown) => void;
	hook({
		config: { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(`${cacheDir}/`) },
		logger: { info: (line: string) => logged.push(line) },
	});
	return logged;
}

test('stored entries are cleared when a schema changes, and only then', () => {
	writeFileSync(join(root, 'src/schemas/article.ts'), 'export const a = 1;');
	mkdirSync(cacheDir, { recursive: true });
	writeFileSync(store, '[]');
	// The first build with the marker keeps the store: nothing says it was made under other schemas.
	expect(setup()).toEqual([]);
	expect(existsSync(store)).toBe(true);
	expect(readFileSync(join(cacheDir, 'schema-digest.txt'), 'utf8')).toBe(schemaDigest(root));
	expect(setup()).toEqual([]);
	expect(existsSync(store)).toBe(true);
	writeFileSync(join(root, 'src/schemas/article.ts'), 'export const a = 2;');
	expect(setup()).toEqual([expect.stringContaining('schemas changed')]);
	expect(existsSync(store)).toBe(false);
});
