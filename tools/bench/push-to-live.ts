/**
 * `npm run bench:push -- --articles N [--seed S] [--keep]`: the end-to-end time of a `git push`
 * to a warm self-hosted deploy target, until its pages are live (`current` switches) and until
 * its search index is live (the release's `pagefind` link switches to its own index).
 *
 * In a temporary folder: a target made by the project's deploy:init (src/deploy/init.ts), its
 * node_modules cache seeded from this project's (hard links, as the first push leaves it), and
 * a clone holding the project with a generated content tree of N articles
 * (`npm run bench:corpus`). Three pushes, each watched from outside, as a reader would see them:
 *
 *   1. the archive (cold: no Astro cache, no live index, so the index is built before the switch);
 *   2. an edited Arabic article (a paragraph added);
 *   3. a new Arabic article, the newest of its section, tags, author and month.
 *
 * Prints each push's times and where they went (from the deploy's own lines), and writes them to
 * tools/bench/results/push-<N>.json and .md. A report, not a test: the machine's load decides the time.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from './corpus.ts';
import { projectRoot } from '../../tests/helpers/site-copy.ts';
import { init } from '../../src/deploy/init.ts';
import { dependencyKey } from '../../src/deploy/release.ts';
import { runCapture } from '../../src/deploy/run.ts';

/** The build clock of every push: the generator's newest articles are dated just before it. */
const NOW = '2026-11-30T12:00:00+03:00';
const RESULTS = path.join(projectRoot, 'tools/bench/results');

/** The deploy's lines that start each phase of a push, in order (src/deploy/release.ts). */
const PHASES = [
	{ name: 'to the hook and checkout', marker: /^remote: deploy: push to main: commit/ },
	{ name: 'dependencies', marker: /^remote: deploy: installing dependencies/ },
	{ name: 'pages build', marker: /^remote: deploy: building the pages/ },
	{ name: 'site check', marker: /^remote: deploy: checking the built site/ },
	{ name: 'index before switch', marker: /^remote: deploy: no live search index/ },
	{ name: 'switch', marker: /^remote: deploy: switching current/ },
	{ name: 'search index', marker: /^remote: deploy: building the search index/ },
	{ name: 'cleanup', marker: /^remote: deploy: cleaning up/ },
] as const;

/** What one push took, in milliseconds from the start of `git push`. */
interface PushFigures {
	what: string;
	/** Until `current` pointed to the new release. */
	pagesLiveMs: number;
	/** Until the new release's `pagefind` link pointed to its own index. */
	searchLiveMs: number;
	/** Until `git push` returned. */
	pushMs: number;
	/** Milliseconds of each phase, from the arrival of the deploy's lines. */
	phases: Record<string, number>;
}

const pushEnv = (): NodeJS.ProcessEnv => ({
	...process.env,
	PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
	NEWSROOM_NOW: NOW,
	GIT_TERMINAL_PROMPT: '0',
	NO_COLOR: '1',
});

/** `git push live main` from `clone`, watching `current` and the new release's search link every 20 ms. */
async function timedPush(clone: string, target: string, what: string, log: string): Promise<PushFigures> {
	const current = path.join(target, 'current');
	const before = await readlink(current).catch(() => undefined);
	const started = performance.now();
	const lines: { at: number; text: string }[] = [];
	let pagesLiveMs: number | undefined;
	let searchLiveMs: number | undefined;
	const watch = async () => {
		const now = await readlink(current).catch(() => undefined);
		if (!now || now === before) return;
		pagesLiveMs ??= performance.now() - started;
		const id = path.basename(now);
		const link = await readlink(path.join(target, 'releases', id, 'pagefind')).catch(() => '');
		if (link.endsWith(`search/${id}`)) searchLiveMs ??= performance.now() - started;
	};
	const watcher = setInterval(() => void watch(), 20);
	const out = createWriteStream(log);
	const code = await new Promise<number | null>((resolve, reject) => {
		const child = spawn('git', ['push', 'live', 'main'], {
			cwd: clone,
			env: pushEnv(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let pending = '';
		const collect = (chunk: Buffer) => {
			out.write(chunk);
			const parts = (pending + chunk.toString()).split(/\r?\n/);
			pending = parts.pop()!;
			for (const text of parts) lines.push({ at: performance.now() - started, text: text.trim() });
		};
		child.stdout.on('data', collect);
		child.stderr.on('data', collect);
		child.on('error', reject);
		child.on('close', resolve);
	});
	const pushMs = performance.now() - started;
	clearInterval(watcher);
	await watch();
	await new Promise((resolve) => out.end(resolve));
	if (code !== 0 || pagesLiveMs === undefined || searchLiveMs === undefined)
		throw new Error(`${what}: the push failed or did not go live (exit ${code}); its output is in ${log}`);
	return { what, pagesLiveMs, searchLiveMs, pushMs, phases: phasesOf(lines, pushMs) };
}

/** Each phase's duration: from its line to the next phase's line (or the end of the push). */
function phasesOf(lines: { at: number; text: string }[], endMs: number): Record<string, number> {
	const starts = PHASES.flatMap(({ name, marker }) => {
		const line = lines.find(({ text }) => marker.test(text));
		return line ? [{ name, at: line.at }] : [];
	});
	const phases: Record<string, number> = { 'to the hook and checkout': starts[0]?.at ?? 0 };
	starts.forEach(({ name, at }, index) => {
		phases[name] = (phases[name] ?? 0) + (starts[index + 1]?.at ?? endMs) - at;
	});
	return phases;
}

async function git(clone: string, ...args: string[]): Promise<void> {
	await runCapture('git', args, { cwd: clone });
}

/** The project's tracked files, but its content, in `clone`; the generated archive as content/. */
async function makeClone(clone: string, articles: number, seed: number): Promise<{ ar: number; en: number }> {
	await mkdir(clone, { recursive: true });
	const files = (await runCapture('git', ['ls-files', '-z'], { cwd: projectRoot }))
		.split('\0')
		.filter((file) => file && !file.startsWith('content/') && existsSync(path.join(projectRoot, file)));
	for (const file of files) {
		await mkdir(path.dirname(path.join(clone, file)), { recursive: true });
		await cp(path.join(projectRoot, file), path.join(clone, file));
	}
	const languages = await writeCorpus(path.join(clone, 'content'), { articles, seed });
	await git(clone, 'init', '--quiet', '--initial-branch=main');
	await git(clone, 'config', 'user.name', 'Push Bench');
	await git(clone, 'config', 'user.email', 'push-bench@example.org');
	await git(clone, 'add', '--all');
	await git(clone, 'commit', '--quiet', '-m', 'The archive');
	return languages;
}

/** The target's node_modules cache, as the first push leaves it: this project's, hard-linked, with its key. */
async function seedModules(target: string, clone: string): Promise<void> {
	const cached = path.join(target, 'cache', 'node_modules');
	await runCapture('cp', ['-al', path.join(projectRoot, 'node_modules'), cached]);
	for (const cache of ['.astro', '.vite', '.cache'])
		await rm(path.join(cached, cache), { recursive: true, force: true });
	await writeFile(path.join(target, 'cache', 'node_modules.key'), await dependencyKey(clone));
}

async function commitFile(clone: string, file: string, text: string, message: string): Promise<void> {
	await writeFile(path.join(clone, file), text);
	await git(clone, 'add', '--all');
	await git(clone, 'commit', '--quiet', '-m', message);
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

function table(pushes: PushFigures[]): string {
	const names = PHASES.map(({ name }) => name);
	return [
		`| push | pages live | search live | push returned | ${names.join(' | ')} |`,
		`| --- | ---: | ---: | ---: | ${names.map(() => '---:').join(' | ')} |`,
		...pushes.map(
			(push) =>
				`| ${push.what} | ${seconds(push.pagesLiveMs)} s | ${seconds(push.searchLiveMs)} s | ${seconds(push.pushMs)} s | ${names
					.map((name) => (push.phases[name] === undefined ? '' : seconds(push.phases[name])))
					.join(' | ')} |`,
		),
	].join('\n');
}

const { values } = parseArgs({
	options: { articles: { type: 'string' }, seed: { type: 'string' }, keep: { type: 'boolean' } },
});
const articles = Number(values.articles);
if (!Number.isInteger(articles) || articles < 1) {
	console.error('Usage: npm run bench:push -- --articles N [--seed S] [--keep]');
	process.exit(2);
}

const temp = await mkdtemp(path.join(tmpdir(), 'newsroom-push-bench-'));
const target = path.join(temp, 'target');
const clone = path.join(temp, 'clone');
try {
	await init(target, { keep: 3 }, () => undefined);
	const languages = await makeClone(clone, articles, values.seed ? Number(values.seed) : 1);
	await git(clone, 'remote', 'add', 'live', path.join(target, 'site.git'));
	await seedModules(target, clone);
	console.log(`${languages.ar + languages.en} articles in ${clone}; deploy target ${target}`);

	const pushes: PushFigures[] = [];
	const push = async (what: string, name: string) => {
		console.log(`${what}...`);
		pushes.push(await timedPush(clone, target, what, path.join(temp, `push-${name}.log`)));
		console.log(table(pushes.slice(-1)).split('\n').at(-1));
	};
	await push('archive (cold)', 'archive');

	const edited = 'content/articles/ar/story-0000.md';
	const marker = `فقرة أضيفت للتحقق من النشر ${Date.now()}`;
	await commitFile(clone, edited, `${await readFile(path.join(clone, edited), 'utf8')}\n${marker}\n`, 'Edit');
	await push('edited article', 'edit');
	if (!(await readFile(path.join(target, 'current/news/story-0000/index.html'), 'utf8')).includes(marker))
		throw new Error('the edited article is not live');

	const title = `خبر جديد للتحقق من النشر ${Date.now()}`;
	const story = (await readFile(path.join(clone, edited), 'utf8'))
		.replace(/^title: .*$/m, `title: '${title}'`)
		.replace(/^date: .*$/m, `date: '${new Date(Date.parse(NOW) - 60_000).toISOString()}'`);
	await commitFile(clone, 'content/articles/ar/story-new.md', story, 'A new article');
	await push('new article', 'new');
	if (!(await readFile(path.join(target, 'current/news/story-new/index.html'), 'utf8')).includes(title))
		throw new Error('the new article is not live');

	const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}, ${Math.round(totalmem() / 1024 ** 3)} GB, Node ${process.version}`;
	const report = [
		`git push to a warm deploy target, ${languages.ar + languages.en} articles (${languages.ar} Arabic, ${languages.en} English), ${new Date().toISOString().slice(0, 16)} UTC.`,
		`Machine: ${machine}; load average at the end: ${(await readFile('/proc/loadavg', 'utf8').catch(() => '?')).split(' ').slice(0, 3).join(' ')}.`,
		'Times from the start of `git push`; phases from the deploy lines it printed.',
		'',
		table(pushes),
	].join('\n');
	console.log(`\n${report}\n`);
	await mkdir(RESULTS, { recursive: true });
	const saved = path.join(RESULTS, `push-${articles}`);
	await writeFile(
		`${saved}.json`,
		`${JSON.stringify({ date: new Date().toISOString(), machine, articles, languages, pushes }, null, '\t')}\n`,
	);
	await writeFile(`${saved}.md`, `${report}\n`);
	console.log(`Saved ${saved}.json and .md`);
} finally {
	if (values.keep) console.log(`Kept: ${temp}`);
	else await rm(temp, { recursive: true, force: true });
}
