/**
 * `npm run bench:search [-- --articles N]`: a benchmark of the search, not a test. It prints a
 * Markdown table of, for the two labelled corpora (the test corpus, and the Arabic meaning
 * corpus of demonyms, broken plurals, verbal nouns and feminine titles) and for a generated
 * corpus of N articles per language (default 10,000), and for this site's analysed index beside
 * Pagefind's own Arabic handling: index size and file count, bytes transferred by the first
 * query (library included) and by the next ones, time from query to rendered results in
 * Chromium and the rendering time once the data is there, and recall and precision on the
 * labelled queries; then recall and precision per class of query, and how many misspelled
 * queries "did you mean" corrects to a query that finds the article.
 */
import { cp, mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import matter from 'gray-matter';
import { chromium, type Browser, type Page } from '@playwright/test';
import * as pagefind from 'pagefind';
import { folderSize, pruneBundle, writeSearchIndex } from '../../src/search/index.ts';
import { searchRecord, type SearchRecord } from '../../src/search/records.ts';
import { articleUrl } from '../../src/site/urls.ts';
import { meaningQueries, misspelledQueries } from '../../tests/fixtures/meaning-corpus/queries.ts';
import {
	arabicQueries,
	englishQueries,
	type LabelledQuery,
} from '../../tests/fixtures/search-corpus/queries.ts';
import { searchThroughPage } from '../../tests/helpers/search-page.ts';
import {
	classOf,
	meaningCorpusRoot,
	quality,
	qualityByClass,
	searchCorpusRoot,
} from '../../tests/helpers/search-quality.ts';
import { buildSite, makeSiteCopy } from '../../tests/helpers/site-copy.ts';
import { serveStatic } from '../../tests/helpers/serve.ts';
import { writeCorpus } from './corpus.ts';

type Locale = 'ar' | 'en';
type Engine = 'analysed' | 'pagefind';

interface Row {
	corpus: string;
	locale: Locale;
	engine: Engine;
	articles: number;
	files: number;
	bytes: number;
	firstQuery: number;
	nextQuery: number;
	queryToRendered: number;
	renderAfterData: number | undefined;
	renderAfterDataMax: number | undefined;
	recall?: number;
	precision?: number;
}

/** Sample queries for timing and transfer on a corpus without labels: words the generator uses. */
const SAMPLES: Record<Locale, string[]> = {
	ar: [
		'الحكومة',
		'وزير الخارجية',
		'الأطفال',
		'مستشفى',
		'السيارات الكهربائية',
		'البرتقال',
		'المسؤولين',
		'بيروت',
		'الموازنة',
		'الطاقة الشمسية',
		'المدارس',
		'الأسعار',
	],
	en: [
		'minister',
		'elections',
		'children',
		'hospital',
		'electric cars',
		'budget',
		'schools',
		'inflation',
		'farmers',
		'prices',
	],
};
const PAGE_SIZE = 10;

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' } } });
const generatedCount = Number(values.articles);
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const median = (list: number[]) => {
	const sorted = [...list].sort((a, b) => a - b);
	return sorted.length === 0 ? 0 : sorted[Math.floor((sorted.length - 1) / 2)]!;
};

/** Records for a content tree read directly (no Astro build), as the site would write them. */
async function recordsOf(
	folder: string,
	locale: Locale,
	now: Date,
): Promise<{ analysed: SearchRecord[]; raw: pagefind.CustomRecord[] }> {
	const { readdir } = await import('node:fs/promises');
	const analysed: SearchRecord[] = [];
	const raw: pagefind.CustomRecord[] = [];
	for (const name of (await readdir(folder)).sort()) {
		if (!name.endsWith('.md')) continue;
		const { data, content } = matter(await readFile(path.join(folder, name), 'utf8'));
		const date = new Date(data.date);
		if (data.draft || date > now) continue;
		const url = articleUrl(locale, name.replace(/\.md$/, ''));
		const html = content
			.trim()
			.split(/\n\s*\n/)
			.map((paragraph) => `<p>${paragraph.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
			.join('');
		const record = searchRecord({
			url,
			title: data.title,
			summary: data.summary,
			html,
			date,
			category: data.category,
			image: data.image
				? `/_astro/${path.basename(data.image, path.extname(data.image))}.abcd1234_Z1a2b3c.webp`
				: undefined,
			timeZone: 'Asia/Riyadh',
		});
		analysed.push(record);
		const text = [data.title, data.summary, record.content.slice(record.content.indexOf('\u2063') + 1)]
			.filter(Boolean)
			.join('\n');
		raw.push({
			url,
			content: text,
			language: locale,
			meta: { title: data.title, ...(record.meta.image ? { image: record.meta.image } : {}) },
			filters: record.filters,
			sort: record.sort,
		});
	}
	return { analysed, raw };
}

/** Pagefind as it comes: the original text, its own Arabic stemming and folding. */
async function writeBuiltInIndex(records: pagefind.CustomRecord[], outputPath: string) {
	const { index, errors } = await pagefind.createIndex({});
	if (!index || errors.length) throw new Error('Pagefind could not create an index', { cause: errors });
	for (const record of records) {
		const added = await index.addCustomRecord(record);
		if (added.errors.length)
			throw new Error(`Pagefind could not index ${record.url}`, { cause: added.errors });
	}
	const written = await index.writeFiles({ outputPath });
	if (written.errors.length) throw new Error('Pagefind could not write its index', { cause: written.errors });
	await index.deleteIndex();
	await pruneBundle(outputPath);
	return { pages: records.length, ...(await folderSize(outputPath)) };
}

/** Counts the bytes the page and its workers receive (bodies as sent, compressed, and headers) from now on. */
async function byteCounter(page: Page) {
	let bytes = 0;
	const pending: Promise<void>[] = [];
	page.context().on('requestfinished', (request) => {
		// A request still finishing when the context closes has no sizes: it is not counted.
		pending.push(
			request.sizes().then(
				(sizes) => void (bytes += sizes.responseBodySize + sizes.responseHeadersSize),
				() => undefined,
			),
		);
	});
	return {
		take: async () => {
			await Promise.all(pending.splice(0));
			const taken = bytes;
			bytes = 0;
			return taken;
		},
	};
}

/** The built-in engine, driven from the page: search, load the first page of results, render them as Pagefind returns them. */
async function builtInSearch(page: Page, locale: Locale, query: string, all = false) {
	return page.evaluate(
		async ({ bundle, query, all, size }) => {
			const started = performance.now();
			// Pagefind's browser API, loaded from the bundle under test; only the calls made here are typed.
			type PagefindResult = {
				data: () => Promise<{ url: string; excerpt: string; meta: { title: string } }>;
			};
			type Pagefind = {
				options: (o: object) => Promise<void>;
				init: () => Promise<void>;
				search: (q: string) => Promise<{ results: PagefindResult[] }>;
			};
			const engine = ((window as unknown as { builtIn?: Promise<Pagefind> }).builtIn ??= import(
				/* @vite-ignore */ `${bundle}pagefind.js`
			).then(async (module) => {
				await module.options({ basePath: bundle });
				await module.init();
				return module;
			}));
			const pagefindApi: Pagefind = await engine;
			const search = await pagefindApi.search(query);
			const results = all ? search.results : search.results.slice(0, size);
			const data = await Promise.all(results.map((result) => result.data()));
			const arrived = performance.now();
			const list = document.createElement('ol');
			for (const item of data) {
				const li = document.createElement('li');
				const link = document.createElement('a');
				link.href = item.url;
				link.textContent = item.meta.title;
				const excerpt = document.createElement('p');
				excerpt.innerHTML = item.excerpt; // Pagefind escapes the text and adds <mark>.
				li.append(link, excerpt);
				list.append(li);
			}
			document.querySelector('.search-list')!.replaceChildren(list);
			return {
				urls: data.map((item) => item.url),
				total: performance.now() - started,
				render: performance.now() - arrived,
			};
		},
		{ bundle: `/pagefind-builtin/${locale}/`, query, all, size: PAGE_SIZE },
	);
}

/** Runs the sample queries in a fresh browser context: transfer of the first and next ones, and timings. */
async function measure(browser: Browser, url: string, locale: Locale, engine: Engine, queries: string[]) {
	const context = await browser.newContext();
	const page = await context.newPage();
	const counter = await byteCounter(page);
	await page.goto(`${url}${locale === 'ar' ? '' : '/en'}/search/`);
	await page.waitForLoadState('networkidle');
	// The page itself is not search; its search script is part of the library.
	await counter.take();
	const scriptBytes =
		engine === 'analysed'
			? await page.evaluate(() =>
					performance
						.getEntriesByType('resource')
						.filter((entry) => entry.name.includes('/_astro/') && entry.name.endsWith('.js'))
						.reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).encodedBodySize, 0),
				)
			: 0;
	const transfers: number[] = [];
	const totals: number[] = [];
	const renders: number[] = [];
	for (const query of queries) {
		if (engine === 'analysed') {
			await page.evaluate(() => performance.clearMarks());
			const started = Date.now();
			await searchThroughPage(page, query, { allPages: false });
			totals.push(Date.now() - started);
			const render = await page.evaluate(() => {
				const data = performance.getEntriesByName('search:data').at(-1);
				const rendered = performance.getEntriesByName('search:rendered').at(-1);
				return data && rendered ? rendered.startTime - data.startTime : undefined;
			});
			if (render !== undefined) renders.push(render);
		} else {
			const result = await builtInSearch(page, locale, query);
			totals.push(result.total);
			renders.push(result.render);
		}
		await page.waitForLoadState('networkidle');
		transfers.push(await counter.take());
	}
	await context.close();
	return {
		firstQuery: transfers[0]! + scriptBytes,
		nextQuery: median(transfers.slice(1)),
		queryToRendered: median(totals),
		renderAfterData: renders.length ? median(renders) : undefined,
		renderAfterDataMax: renders.length ? Math.max(...renders) : undefined,
	};
}

const slugOf = (href: string) => href.match(/\/news\/([^/]+)\/$/)?.[1] ?? href;

/** Recall and precision of both engines on the labelled queries, overall and per class. */
async function labelled(browser: Browser, url: string, locale: Locale, queries: LabelledQuery[]) {
	const page = await browser.newPage();
	await page.goto(`${url}${locale === 'ar' ? '' : '/en'}/search/`);
	const ours = new Map<string, string[]>();
	const theirs = new Map<string, string[]>();
	for (const { query } of queries) {
		ours.set(query, (await searchThroughPage(page, query)).map(slugOf));
		theirs.set(query, (await builtInSearch(page, locale, query, true)).urls.map(slugOf));
	}
	await page.close();
	return {
		analysed: quality(queries, ours),
		pagefind: quality(queries, theirs),
		classes: { analysed: qualityByClass(queries, ours), pagefind: qualityByClass(queries, theirs) },
	};
}

/** How many misspelled queries get a suggestion whose query finds an article that was meant. */
async function suggestions(
	browser: Browser,
	url: string,
): Promise<{ corrected: number; offered: number; total: number }> {
	const page = await browser.newPage();
	await page.goto(`${url}/search/`);
	let offered = 0;
	let corrected = 0;
	for (const { query, find } of misspelledQueries) {
		await searchThroughPage(page, query);
		const href = await page
			.locator('.search-suggestion:not([hidden]) a')
			.getAttribute('href', { timeout: 500 })
			.catch(() => null);
		if (!href) continue;
		offered++;
		const results = (await searchThroughPage(page, new URL(href, url).searchParams.get('q')!)).map(slugOf);
		if (find.some((slug) => results.includes(slug))) corrected++;
	}
	await page.close();
	return { corrected, offered, total: misspelledQueries.length };
}

/** Recall and precision per class of query, for each labelled corpus and engine. */
interface ClassRow {
	corpus: string;
	locale: Locale;
	engine: Engine;
	name: string;
	queries: number;
	recall: number;
	precision: number;
}

/** A corpus to measure: its articles by language, and its labelled queries by language, if any. */
interface Corpus {
	name: string;
	folder: string;
	labels: Partial<Record<Locale, LabelledQuery[]>>;
}

async function main() {
	const rows: Row[] = [];
	const classRows: ClassRow[] = [];
	let misspellings: Awaited<ReturnType<typeof suggestions>> | undefined;
	const work = path.join(tmpdir(), `newsroom-bench-search-${process.pid}`);
	await mkdir(work, { recursive: true });
	const copy = await makeSiteCopy();
	const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
	try {
		// The real site, built from the labelled corpus.
		await rm(path.join(copy.root, 'content/articles'), { recursive: true });
		for (const locale of ['ar', 'en'] as const)
			await cp(path.join(searchCorpusRoot, locale), path.join(copy.root, 'content/articles', locale), {
				recursive: true,
			});
		console.error('building the site with the labelled corpus…');
		const build = await buildSite(copy.root);
		if (build.code !== 0) throw new Error('the site did not build', { cause: build.output });
		const dist = path.join(copy.root, 'dist');
		const server = await serveStatic(dist);
		const now = new Date();

		const corpora: Corpus[] = [
			{
				name: 'labelled test corpus',
				folder: path.join(copy.root, 'content/articles'),
				labels: { ar: arabicQueries, en: englishQueries },
			},
			{ name: 'meaning corpus', folder: meaningCorpusRoot, labels: { ar: meaningQueries } },
		];
		if (generatedCount > 0) {
			const generated = path.join(work, 'content');
			console.error(`generating ${generatedCount} articles per language…`);
			await writeCorpus(generated, { articles: 2 * generatedCount, translated: 1, seed: 1 });
			corpora.push({
				name: `generated, ${generatedCount.toLocaleString('en')} per language`,
				folder: path.join(generated, 'articles'),
				labels: {},
			});
		}

		for (const { name, folder, labels } of corpora) {
			const locales =
				Object.keys(labels).length > 0 ? (Object.keys(labels) as Locale[]) : (['ar', 'en'] as const);
			for (const locale of locales) {
				const labelledQueries = labels[locale];
				console.error(`${name}, ${locale}: indexing…`);
				const { analysed, raw } = await recordsOf(path.join(folder, locale), locale, now);
				const started = performance.now();
				const ours = await writeSearchIndex(analysed, path.join(dist, 'pagefind', locale));
				const oursMs = performance.now() - started;
				const builtInStarted = performance.now();
				const theirs = await writeBuiltInIndex(raw, path.join(dist, 'pagefind-builtin', locale));
				console.error(
					`  indexed in ${Math.round(oursMs)} ms (analysed) and ${Math.round(performance.now() - builtInStarted)} ms (Pagefind alone)`,
				);
				const queries = labelledQueries
					? labelledQueries
							.map(({ query }) => query)
							.filter((q) => !/زبرجد|ياقوت/.test(q))
							.slice(0, 12)
					: SAMPLES[locale];
				const scores = labelledQueries
					? await labelled(browser, server.url, locale, labelledQueries)
					: undefined;
				if (scores)
					for (const engine of ['analysed', 'pagefind'] as const)
						for (const [className, result] of scores.classes[engine])
							classRows.push({
								corpus: name,
								locale,
								engine,
								name: className,
								queries: labelledQueries!.filter((query) => classOf(query) === className).length,
								recall: result.recall,
								precision: result.precision,
							});
				if (labelledQueries === meaningQueries) misspellings = await suggestions(browser, server.url);
				for (const [engine, index] of [
					['analysed', ours],
					['pagefind', theirs],
				] as const) {
					console.error(`  measuring ${engine}…`);
					const figures = await measure(browser, server.url, locale, engine, queries);
					rows.push({
						corpus: name,
						locale,
						engine,
						articles: index.pages,
						files: index.files,
						bytes: index.bytes,
						...figures,
						...(scores ? { recall: scores[engine].recall, precision: scores[engine].precision } : {}),
					});
				}
				if (scores)
					for (const miss of scores.analysed.misses)
						console.error(
							`  analysed, "${miss.query}": missed ${miss.missed.join(', ') || '-'}; unexpected ${miss.unexpected.join(', ') || '-'}`,
						);
			}
		}
		await server.close();
	} finally {
		await browser.close();
		await pagefind.close();
		await copy.remove();
		await rm(work, { recursive: true, force: true });
	}
	print(rows);
	printClasses(classRows);
	if (misspellings)
		console.log(
			`\nDid you mean, meaning corpus: ${misspellings.offered} of ${misspellings.total} misspelled queries got a suggestion; ${misspellings.corrected} of ${misspellings.total} suggestions find an article that was meant.`,
		);
}

/** Recall and precision per class of query, in the classes' groups (the `about` of the labels). */
function printClasses(rows: ClassRow[]) {
	const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
	console.log('\n| corpus | lang | engine | class of query | queries | recall | precision |');
	console.log('| --- | --- | --- | --- | ---: | ---: | ---: |');
	for (const row of rows)
		console.log(
			`| ${row.corpus} | ${row.locale} | ${row.engine === 'analysed' ? 'this site (analysed)' : 'Pagefind alone'} | ${row.name} | ${row.queries} | ${percent(row.recall)} | ${percent(row.precision)} |`,
		);
}

function print(rows: Row[]) {
	const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
	const percent = (value: number | undefined) => (value === undefined ? '–' : `${(value * 100).toFixed(1)}%`);
	const ms = (value: number | undefined) => (value === undefined ? '–' : `${Math.round(value)} ms`);
	console.log(
		`\nSearch benchmark, ${new Date().toISOString().slice(0, 10)}, Chromium, ${process.platform} ${process.arch}\n`,
	);
	console.log(
		'| corpus | lang | engine | articles | index files | index size | first query (library included) | next queries (median) | query → rendered (median) | rendering after data (median / max) | recall | precision |',
	);
	console.log('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
	for (const row of rows) {
		console.log(
			`| ${row.corpus} | ${row.locale} | ${row.engine === 'analysed' ? 'this site (analysed)' : 'Pagefind alone'} | ${row.articles} | ${row.files} | ${kb(row.bytes)} | ${kb(row.firstQuery)} | ${kb(row.nextQuery)} | ${ms(row.queryToRendered)} | ${ms(row.renderAfterData)} / ${ms(row.renderAfterDataMax)} | ${percent(row.recall)} | ${percent(row.precision)} |`,
		);
	}
}

await main();
