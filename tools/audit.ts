/**
 * `npm run audit`: Lighthouse on the built site, with Debian's Chromium and no network, on the
 * front page, an article and the search page in both languages. Writes the reports to
 * test-results/lighthouse/ and prints the four scores of each page. Not part of `npm test`:
 * Lighthouse is slow and its performance score is noisy on a shared two-core machine.
 * Targets: performance >= 95; accessibility, best practices and SEO = 100.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveStatic } from '../tests/helpers/serve.ts';
import { chromiumArgs, chromiumPath } from './chromium.ts';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, 'dist');
const out = resolve(root, 'test-results/lighthouse');
const firstArticle = async (prefix: string) => (await readdir(resolve(dist, prefix, 'news'))).sort()[0];
const pages = [
	['front page, Arabic', '/'],
	['article, Arabic', `/news/${await firstArticle('')}/`],
	['search, Arabic', '/search/?q=%D8%A7%D9%84%D9%85%D9%8A%D8%A7%D9%87'],
	['front page, English', '/en/'],
	['article, English', `/en/news/${await firstArticle('en')}/`],
	['search, English', '/en/search/?q=water'],
] as const;

await mkdir(out, { recursive: true });
const server = await serveStatic(dist);
const chrome = await chromeLauncher.launch({
	chromePath: chromiumPath,
	chromeFlags: ['--headless=new', ...chromiumArgs],
});
const rows: string[] = [
	'| page | performance | accessibility | best practices | SEO |',
	'| --- | ---: | ---: | ---: | ---: |',
];
let missed = false;
try {
	for (const [name, path] of pages) {
		const result = await lighthouse(`${server.url}${path}`, {
			port: chrome.port,
			output: 'html',
			logLevel: 'error',
		});
		if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
		const score = (id: string) => Math.round((result.lhr.categories[id]?.score ?? 0) * 100);
		const scores = [
			score('performance'),
			score('accessibility'),
			score('best-practices'),
			score('seo'),
		] as const;
		missed ||= scores[0] < 95 || scores.slice(1).some((s) => s < 100);
		rows.push(`| ${name} | ${scores.join(' | ')} |`);
		await writeFile(resolve(out, `${name.replace(/\W+/g, '-')}.html`), result.report as string);
	}
} finally {
	await chrome.kill();
	await server.close();
}
console.log(rows.join('\n'));
console.log(
	`\nReports in ${out}/. ${missed ? 'Some scores miss their targets (performance 95, the others 100).' : 'Every score meets its target.'}`,
);
