/**
 * `npm run bench -- --articles N [--seed S] [--keep] [--profile [--profile-dir D]]`: the cost of
 * building an archive of N generated articles the way a deploy does (`npm run build` in a copy of
 * the site), four times in a row:
 *
 *   1. a full build from nothing (no Astro cache, no previous output);
 *   2. a publish: one article changed, with the content-layer cache kept and the last output
 *      moved aside as the live release, as the deploy keeps them between releases;
 *   3. a publish of a new article (the daily case): the newest story of its language, in a
 *      section, tags, author and month that already have stories;
 *   4. a publish of a deletion: one published article of the archive removed;
 *   5. a publish of a live update: one update added to a live page of 30 updates (the archive's
 *      `story-0003` is made a live page before the full build).
 *
 * For each it prints the wall time split into content loading, rendering and search indexing,
 * milliseconds per article, the peak memory of the whole process tree, and the output's size
 * and file count; writes them to tools/bench/results/build-<N>.json and .md; and compares them
 * with the result saved there before. A report, not a test: the machine's load decides the time.
 *
 * `--profile` takes a CPU profile (`node --cpu-prof`) of every Node process of the three
 * publishes and Astro's own timings (`ASTRO_TIMER_PATH`) into D (default: a folder in the
 * system's temporary folder), prints their summary (tools/bench/cpu-profile.ts) and writes it to
 * tools/bench/results/profile-<N>.md. Profiling slows the builds, so their times are not saved
 * as the benchmark's result.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from './corpus.ts';
import { makeSiteCopy, projectRoot } from '../../tests/helpers/site-copy.ts';
import { folderSize } from '../../src/search/index.ts';
import {
	buildPhases,
	TABLE_HEAD,
	tableRow,
	treeRss,
	type BuildFigures,
	type TimedLine,
} from './build-report.ts';
import { summariseProfileFolder } from './cpu-profile.ts';

/** The build clock of both builds: the generator's newest articles are dated just before it. */
const NOW = '2026-11-30T12:00:00+03:00';
const RESULTS = path.join(projectRoot, 'tools/bench/results');

interface Result {
	date: string;
	machine: { cpu: string; cores: number; memoryGB: number; node: string };
	articles: number;
	languages: { ar: number; en: number };
	full: BuildFigures;
	publish: BuildFigures;
	/** Missing in results saved before the bench measured it. */
	publishNew?: BuildFigures;
	/** Missing in results saved before the bench measured it. */
	publishDeletion?: BuildFigures;
	publishLiveUpdate?: BuildFigures;
}

/** The builds of one run, in the order they run; `full` is never profiled. */
const BUILDS = ['full', 'publish', 'publishNew', 'publishDeletion', 'publishLiveUpdate'] as const;
const LABELS: Record<(typeof BUILDS)[number], string> = {
	full: 'full',
	publish: 'publish',
	publishNew: 'publish new',
	publishDeletion: 'publish deletion',
	publishLiveUpdate: 'publish live update',
};

/**
 * Where a profiled build writes its CPU profiles and Astro's timings: every Node process of the
 * build (the build script, Astro, the CMS bundler) inherits NODE_OPTIONS and writes its own file.
 */
function profileEnv(folder: string): Record<string, string> {
	mkdirSync(folder, { recursive: true });
	return {
		NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${folder}`.trim(),
		ASTRO_TIMER_PATH: path.join(folder, 'astro-timer.json'),
	};
}

/** Runs `npm run build`'s script in `root`, timing its lines and sampling its process tree's memory. */
function timedBuild(root: string, log: string, extraEnv: Record<string, string> = {}): Promise<BuildFigures> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(
			process.execPath,
			['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'src/cli/build.ts'],
			{
				cwd: root,
				env: {
					...process.env,
					ASTRO_TELEMETRY_DISABLED: '1',
					NO_COLOR: '1',
					FORCE_COLOR: '0',
					NEWSROOM_NOW: NOW,
					...extraEnv,
				},
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		let peak = 0;
		const samples: string[] = [];
		const sampler = setInterval(() => {
			const { total, byCommand } = treeRss(child.pid!);
			peak = Math.max(peak, total);
			const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;
			const parts = [...byCommand].map(([command, rss]) => `${command} ${mb(rss)}`).join(', ');
			samples.push(
				`${((performance.now() - started) / 1000).toFixed(2).padStart(8)} ${mb(total)} (${parts})`,
			);
		}, 250);
		const lines: TimedLine[] = [];
		let output = '';
		const collect = (chunk: Buffer) => {
			const at = performance.now() - started;
			output += chunk.toString();
			const parts = output.split('\n');
			output = parts.pop()!;
			for (const text of parts) lines.push({ at, text });
		};
		child.stdout.on('data', collect);
		child.stderr.on('data', collect);
		child.on('error', reject);
		child.on('close', async (code) => {
			clearInterval(sampler);
			const wallMs = performance.now() - started;
			const printed = lines.map((line) => `${(line.at / 1000).toFixed(2).padStart(8)} ${line.text}`);
			writeFileSync(log, [...printed, '', 'Memory of the process tree:', ...samples].join('\n'));
			if (code !== 0) return reject(new Error(`the build failed (exit ${code}); its output is in ${log}`));
			const { files, bytes } = await folderSize(path.join(root, 'dist'));
			resolve({
				wallMs,
				...buildPhases(lines, wallMs),
				peakRssBytes: peak,
				outputBytes: bytes,
				outputFiles: files,
			});
		});
	});
}

/**
 * As a deploy builds: the last output is the live release, elsewhere than dist/ (moved to
 * `live-site/`, the release before it deleted), and the build starts from it
 * (`NEWSROOM_PREVIOUS_SITE`, src/build/previous-output.ts).
 */
function asDeploy(root: string, env: Record<string, string>): Record<string, string> {
	const live = path.join(root, 'live-site');
	rmSync(live, { recursive: true, force: true });
	renameSync(path.join(root, 'dist'), live);
	return { ...env, NEWSROOM_PREVIOUS_SITE: live };
}

/**
 * A publish of a new article: a copy of a published Arabic story under a new slug, dated just
 * before the build clock, so it is the newest of its section, tags, author and month.
 */
async function publishANewArticle(root: string, env: Record<string, string>): Promise<BuildFigures> {
	const folder = path.join(root, 'content/articles/ar');
	const title = `خبر جديد للتحقق من النشر ${Date.now()}`;
	writeFileSync(
		path.join(folder, 'story-new.md'),
		readFileSync(path.join(folder, 'story-0000.md'), 'utf8')
			.replace(/^title: .*$/m, `title: '${title}'`)
			.replace(/^date: .*$/m, `date: '${new Date(Date.parse(NOW) - 60_000).toISOString()}'`),
	);
	console.log('publish new (one article added, caches kept)...');
	const figures = await timedBuild(root, path.join(root, 'build-publish-new.log'), asDeploy(root, env));
	const page = path.join(root, 'dist/news/story-new/index.html');
	if (!readFileSync(page, 'utf8').includes(title)) throw new Error(`the new article's page ${page} is wrong`);
	return figures;
}

/**
 * A publish of a deletion: a published Arabic story of the archive, one without a translation
 * (`story-0001`, dated anywhere in the ten years), is removed, so its page must go and every
 * listing that showed it changes from where it stood.
 */
async function publishADeletion(root: string, env: Record<string, string>): Promise<BuildFigures> {
	const slug = 'story-0001';
	const file = path.join(root, `content/articles/ar/${slug}.md`);
	const text = readFileSync(file, 'utf8');
	if (/^draft: true$/m.test(text) || existsSync(path.join(root, `content/articles/en/${slug}.md`)))
		throw new Error(`${file} is not a published article without a translation: pick another to delete`);
	rmSync(file);
	console.log('publish deletion (one article removed, caches kept)...');
	const figures = await timedBuild(root, path.join(root, 'build-publish-deletion.log'), asDeploy(root, env));
	const page = path.join(root, `dist/news/${slug}/index.html`);
	if (existsSync(page)) throw new Error(`the deleted article's page ${page} is still there`);
	return figures;
}

/** The archive's live page, and how many updates it starts with. */
const LIVE_SLUG = 'story-0003';
const LIVE_UPDATES = 30;

/** A live block of `count` updates, ten minutes apart from `start`, in the front matter's YAML. */
function liveBlock(start: number, count: number): string {
	const updates = Array.from({ length: count }, (_, index) => {
		const date = new Date(start + (count - index) * 600_000).toISOString();
		return `    - date: '${date}'\n      title: 'تحديث رقم ${count - index}'\n      key: ${index % 10 === 0}\n      body: 'نص التحديث ${count - index} من التغطية المباشرة، بفقرة قصيرة كما تكتبها غرفة الأخبار.'`;
	});
	return `live:\n  updates:\n${updates.join('\n')}\n`;
}

/** Makes the archive's `LIVE_SLUG` a live page of `LIVE_UPDATES` updates (before the full build). */
function makeLivePage(root: string): void {
	const file = path.join(root, `content/articles/ar/${LIVE_SLUG}.md`);
	const text = readFileSync(file, 'utf8');
	const date = Date.parse(/^date: '?([^'\n]+)'?$/m.exec(text)![1]!);
	writeFileSync(file, text.replace(/\n---\n/, `\n${liveBlock(date, LIVE_UPDATES)}---\n`));
}

/** A publish of a live update: one more update at the top of the live page. */
async function publishALiveUpdate(root: string, env: Record<string, string>): Promise<BuildFigures> {
	const file = path.join(root, `content/articles/ar/${LIVE_SLUG}.md`);
	const text = readFileSync(file, 'utf8');
	const date = Date.parse(/^date: '?([^'\n]+)'?$/m.exec(text)![1]!);
	const marker = `تحديث جديد للتحقق من النشر ${Date.now()}`;
	const added = `    - date: '${new Date(date + (LIVE_UPDATES + 1) * 600_000).toISOString()}'\n      body: '${marker}'\n`;
	writeFileSync(file, text.replace('live:\n  updates:\n', `live:\n  updates:\n${added}`));
	console.log('publish live update (one update added to a live page, caches kept)...');
	const figures = await timedBuild(
		root,
		path.join(root, 'build-publish-live-update.log'),
		asDeploy(root, env),
	);
	const page = path.join(root, `dist/news/${LIVE_SLUG}/index.html`);
	if (!readFileSync(page, 'utf8').includes(marker))
		throw new Error(`the live page ${page} lacks the new update`);
	return figures;
}

const { values } = parseArgs({
	options: {
		articles: { type: 'string' },
		seed: { type: 'string' },
		keep: { type: 'boolean' },
		profile: { type: 'boolean' },
		'profile-dir': { type: 'string' },
	},
});
const articles = Number(values.articles);
if (!Number.isInteger(articles) || articles < 2) {
	console.error('Usage: npm run bench -- --articles N [--seed S] [--keep] [--profile [--profile-dir D]]');
	process.exit(2);
}
const profileDir = values.profile
	? path.resolve(values['profile-dir'] ?? path.join(tmpdir(), `newsroom-profile-${articles}-${Date.now()}`))
	: undefined;
/** The environment of a publish: its profile's folder when profiling. */
const publishEnv = (build: (typeof BUILDS)[number]) =>
	profileDir ? profileEnv(path.join(profileDir, build)) : {};

const site = await makeSiteCopy();
try {
	const generated = performance.now();
	const languages = await writeCorpus(path.join(site.root, 'content'), {
		articles,
		seed: values.seed ? Number(values.seed) : 1,
	});
	const total = languages.ar + languages.en;
	console.log(
		`${total.toLocaleString('en')} articles (${languages.ar} Arabic, ${languages.en} English) generated in ${site.root} in ${(
			(performance.now() - generated) /
			1000
		).toFixed(1)} s`,
	);

	makeLivePage(site.root);
	console.log('full build...');
	const full = await timedBuild(site.root, path.join(site.root, 'build-full.log'));
	console.log(TABLE_HEAD + '\n' + tableRow(total, 'full', full));

	// A publish: an Arabic article (published, neither draft nor future-dated) gets a new paragraph.
	const changed = path.join(site.root, 'content/articles/ar/story-0000.md');
	const marker = `فقرة أضيفت للتحقق من النشر ${Date.now()}`;
	writeFileSync(changed, `${readFileSync(changed, 'utf8')}\n${marker}\n`);
	console.log('publish (one article changed, caches kept)...');
	const publish = await timedBuild(
		site.root,
		path.join(site.root, 'build-publish.log'),
		asDeploy(site.root, publishEnv('publish')),
	);
	const page = path.join(site.root, 'dist/news/story-0000/index.html');
	if (!readFileSync(page, 'utf8').includes(marker))
		throw new Error(`the changed article's page ${page} does not show the change`);

	const publishNew = await publishANewArticle(site.root, publishEnv('publishNew'));
	const publishDeletion = await publishADeletion(site.root, publishEnv('publishDeletion'));
	const publishLiveUpdate = await publishALiveUpdate(site.root, publishEnv('publishLiveUpdate'));

	const result: Result = {
		date: new Date().toISOString(),
		machine: {
			cpu: cpus()[0]?.model ?? 'unknown',
			cores: cpus().length,
			memoryGB: Math.round(totalmem() / 1024 ** 3),
			node: process.version,
		},
		articles: total,
		languages,
		full,
		publish,
		publishNew,
		publishDeletion,
		publishLiveUpdate,
	};
	const table = [
		`Machine: ${result.machine.cores} × ${result.machine.cpu}, ${result.machine.memoryGB} GB (${(freemem() / 1024 ** 3).toFixed(0)} GB free at the end), Node ${result.machine.node}.`,
		'',
		TABLE_HEAD,
		...BUILDS.map((build) => tableRow(total, LABELS[build], result[build]!)),
	].join('\n');
	console.log(`\n${table}\n`);

	if (profileDir) {
		const summaries = BUILDS.filter((build) => build !== 'full').map((build) =>
			[
				`## ${LABELS[build]}`,
				'',
				summariseProfileFolder(path.join(profileDir, build), { root: site.root }),
			].join('\n'),
		);
		const report = [
			`# CPU profile of the publishes at ${total.toLocaleString('en')} articles`,
			'',
			`${new Date().toISOString().slice(0, 10)}, with \`npm run bench -- --articles ${articles} --profile\`. The times are`,
			'those of profiled builds, slower than unprofiled ones; compare shares, not seconds.',
			'',
			table,
			'',
			...summaries,
		].join('\n');
		console.log(report);
		mkdirSync(RESULTS, { recursive: true });
		const file = path.join(RESULTS, `profile-${articles}.md`);
		writeFileSync(file, `${report}\n`);
		console.log(
			`Saved ${file}; the profiles are in ${profileDir}. Times of profiled builds are not saved as results.`,
		);
	} else saveResult(result, table);
} finally {
	if (values.keep) console.log(`The site copy is kept: ${site.root}`);
	else await site.remove();
}

/** Saves the result in tools/bench/results/ after comparing it with the one saved there before. */
function saveResult(result: Result, table: string): void {
	mkdirSync(RESULTS, { recursive: true });
	const saved = path.join(RESULTS, `build-${articles}.json`);
	if (existsSync(saved)) {
		const before = JSON.parse(readFileSync(saved, 'utf8')) as Result;
		console.log(`Compared with ${before.date.slice(0, 10)} (${saved}):`);
		for (const build of BUILDS) {
			if (!before[build] || !result[build]) continue;
			const [now, then] = [result[build]!, before[build]!];
			const ratio = (key: 'wallMs' | 'peakRssBytes' | 'outputBytes') =>
				`${key} ${(now[key] / (then[key] || 1)).toFixed(2)}×`;
			console.log(`  ${build}: ${ratio('wallMs')}, ${ratio('peakRssBytes')}, ${ratio('outputBytes')}`);
		}
	}
	writeFileSync(saved, `${JSON.stringify(result, null, '\t')}\n`);
	writeFileSync(saved.replace(/\.json$/, '.md'), `${table}\n`);
	console.log(`Saved ${saved} and its .md`);
}
