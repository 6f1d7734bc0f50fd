import { spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { detachFor, OUTPUT_GUARD_VARIABLE } from '#src/build/output-guard.ts';
import { projectRoot } from '../../helpers/site-copy.ts';

/**
 * The guard loaded into Astro's process: every way Node writes a file, applied to files of a
 * folder that are hard links to a "live" folder, must leave the live files byte for byte and give
 * the written paths their new bytes. Without the guard the same writes go through the links.
 */

const guard = pathToFileURL(join(projectRoot, 'src/build/output-guard.ts')).href;

/** Each way of writing, as code run in the child, writing `new` into the file `out/<name>`. */
const WRITES: Record<string, string> = {
	writeFile: `await new Promise((done, fail) => fs.writeFile(file, 'new', (error) => (error ? fail(error) : done())));`,
	writeFileSync: `fs.writeFileSync(file, 'new');`,
	promisesWriteFile: `await fs.promises.writeFile(new URL('file://' + file), 'new');`,
	namedWriteFile: `await namedWriteFile(file, 'new');`,
	appendFileSync: `fs.appendFileSync(file, '+new');`,
	copyFile: `fs.writeFileSync(source, 'new'); await fs.promises.copyFile(source, file);`,
	copyFileSync: `fs.writeFileSync(source, 'new'); fs.copyFileSync(source, file);`,
	cp: `fs.writeFileSync(source, 'new'); await fs.promises.cp(source, file);`,
	cpSync: `fs.writeFileSync(source, 'new'); fs.cpSync(source, file);`,
	createWriteStream: `await new Promise((done) => fs.createWriteStream(file).end('new', done));`,
	openW: `const fd = fs.openSync(file, 'w'); fs.writeSync(fd, 'new'); fs.closeSync(fd);`,
	openRPlus: `const fd = fs.openSync(file, 'r+'); fs.writeSync(fd, 'new'); fs.closeSync(fd);`,
	promisesOpen: `const handle = await fs.promises.open(file, 'w'); await handle.writeFile('new'); await handle.close();`,
	truncateSync: `fs.truncateSync(file, 0); fs.appendFileSync(file, 'new');`,
	chmodSync: `fs.chmodSync(file, 0o600);`,
};

/** What the written file holds afterwards. */
const EXPECTED: Record<string, string> = { appendFileSync: 'old+new', chmodSync: 'old' };

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A folder whose `out/` files are hard links to its `live/` files, all holding `old`. */
function linkedFolders(): string {
	const temp = mkdtempSync(join(tmpdir(), 'newsroom-guard-'));
	folders.push(temp);
	mkdirSync(join(temp, 'live'));
	mkdirSync(join(temp, 'out'));
	for (const name of Object.keys(WRITES)) {
		writeFileSync(join(temp, 'live', name), 'old');
		linkSync(join(temp, 'live', name), join(temp, 'out', name));
	}
	return temp;
}

/** Runs every write of WRITES into `<temp>/out/` in a child Node, with or without the guard loaded. */
function runWrites(temp: string, guarded: boolean): void {
	const script = [
		`import fs from 'node:fs';`,
		`import { writeFile as namedWriteFile } from 'node:fs/promises';`,
		...Object.entries(WRITES).map(
			([name, code]) =>
				`{ const file = ${JSON.stringify(join(temp, 'out', name))}; const source = ${JSON.stringify(join(temp, `${name}.source`))}; ${code} }`,
		),
	].join('\n');
	const result = spawnSync(
		process.execPath,
		[...(guarded ? ['--import', guard] : []), '--input-type=module', '-e', script],
		{ env: { ...process.env, [OUTPUT_GUARD_VARIABLE]: join(temp, 'out') }, encoding: 'utf8' },
	);
	expect(result.status, result.stderr).toBe(0);
}

const liveChanged = (temp: string, name: string) => {
	const live = join(temp, 'live', name);
	return readFileSync(live, 'utf8') !== 'old' || (statSync(live).mode & 0o777) === 0o600;
};

describe('writes under the guarded folder', () => {
	let temp: string;
	beforeAll(() => {
		temp = linkedFolders();
		runWrites(temp, true);
	});

	test.each(Object.keys(WRITES))('%s leaves the linked live file as it was', (name) => {
		expect(liveChanged(temp, name)).toBe(false);
		expect(readFileSync(join(temp, 'out', name), 'utf8')).toBe(EXPECTED[name] ?? 'new');
		expect(statSync(join(temp, 'out', name)).nlink).toBe(1);
	});

	test('without the guard, the same writes go through the links into the live files', () => {
		const unguarded = linkedFolders();
		runWrites(unguarded, false);
		const changed = Object.keys(WRITES).filter((name) => liveChanged(unguarded, name));
		// Node's cp unlinks an existing destination of its own accord.
		expect(changed.sort()).toEqual(
			Object.keys(WRITES)
				.filter((name) => !['cp', 'cpSync'].includes(name))
				.sort(),
		);
	});
});

describe('detachFor', () => {
	test.each([
		['w', 'replace'],
		['w+', 'replace'],
		['a', 'keep-bytes'],
		['r+', 'keep-bytes'],
		['r', undefined],
		['wx', undefined],
		[undefined, undefined],
	])('open flag %s: %s', (flags, expected) => {
		expect(detachFor(flags)).toBe(expected);
	});
});
