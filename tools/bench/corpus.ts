/**
 * `npm run bench:corpus -- --articles N --out <dir> [--seed S] [--translated F]`
 *
 * Writes a generated content tree for benchmarks: `<dir>/articles/{ar,en}/<slug>.md`, N articles
 * in all (Arabic ones, and English translations of a share F of them, default 0.3) beside a copy of this project's
 * sections, authors, pages, settings and media, so that `<dir>` can replace `content/`.
 */
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import matter from 'gray-matter';
import { generateCorpus } from './corpus-generator.ts';
import { isMain } from '../../src/deploy/run.ts';

/** Writes the content tree and returns how many articles went into each language. */
export async function writeCorpus(
	out: string,
	options: { articles: number; seed?: number; translated?: number },
): Promise<{ ar: number; en: number }> {
	const project = path.resolve(import.meta.dirname, '../../content');
	await rm(out, { recursive: true, force: true });
	for (const folder of ['categories', 'authors', 'pages', 'settings', 'media']) {
		await cp(path.join(project, folder), path.join(out, folder), { recursive: true });
	}
	const counts = { ar: 0, en: 0 };
	for (const locale of ['ar', 'en'] as const)
		await mkdir(path.join(out, 'articles', locale), { recursive: true });
	for (const article of generateCorpus(options)) {
		counts[article.locale]++;
		const file = path.join(out, 'articles', article.locale, `${article.slug}.md`);
		await writeFile(
			file,
			matter.stringify(`\n${article.body}\n`, article.data, { language: 'yaml', lineWidth: -1 } as never),
		);
	}
	return counts;
}

if (isMain(import.meta.url)) {
	const { values } = parseArgs({
		options: {
			articles: { type: 'string' },
			out: { type: 'string' },
			seed: { type: 'string' },
			translated: { type: 'string' },
		},
	});
	const articles = Number(values.articles);
	if (!Number.isInteger(articles) || articles < 1 || !values.out) {
		console.error('Usage: npm run bench:corpus -- --articles N --out <dir> [--seed S] [--translated F]');
		process.exit(2);
	}
	const started = performance.now();
	const counts = await writeCorpus(path.resolve(values.out), {
		articles,
		seed: values.seed ? Number(values.seed) : 1,
		translated: values.translated ? Number(values.translated) : 0.3,
	});
	console.log(
		`${counts.ar} Arabic and ${counts.en} English articles written to ${values.out} in ${Math.round(performance.now() - started)} ms`,
	);
}
