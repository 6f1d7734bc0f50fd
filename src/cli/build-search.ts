/**
 * `npm run build:search -- --out <site folder> [--force]`: the search records that
 * `npm run build -- --no-search` left in Astro's cache folder in, the search index out, at
 * `<site folder>/pagefind/<locale>/` (the place `npm run build` puts it). The self-hosted deploy
 * (src/deploy/release.ts) builds the pages this way, puts them live, then runs this into a fresh
 * folder and switches the live index to it: see docs/deploy.md. `--force` indexes every language.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cacheFolder } from '../newsroom/folders.ts';
import { indexSearchRecords } from '../search/index.ts';

const { values } = parseArgs({ options: { out: { type: 'string' }, force: { type: 'boolean' } } });
if (!values.out) {
	console.error('usage: npm run build:search -- --out <site folder> [--force]');
	process.exit(2);
}
try {
	await indexSearchRecords(resolve(cacheFolder()), resolve(values.out), (line) => console.log(line), {
		force: values.force ?? false,
	});
} catch (error) {
	console.error(
		`The search index could not be written: ${(error as Error).message}`,
		(error as Error).cause ?? '',
	);
	process.exit(1);
}
