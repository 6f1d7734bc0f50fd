/**
 * `npm run bench:profile -- <file.cpuprofile | folder> [--top N] [--root R]`: a CPU profile of
 * `node --cpu-prof` in text. In: a profile, or a folder of them (one per Node process of a build)
 * and Astro's timings (`astro-timer.json`, written where ASTRO_TIMER_PATH points). Out: for each
 * process, its sampled time, the functions with the most self time, the packages and files with
 * the most self time in all, and the project's own functions with the most total time (self and
 * callees), which is where a cut in our code shows.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isMain } from '../../src/deploy/run.ts';

/** The parts of V8's `.cpuprofile` JSON that the summary reads. */
export interface CpuProfile {
	nodes: {
		id: number;
		callFrame: { functionName: string; url: string; lineNumber: number };
		children?: number[];
	}[];
	/** The node on top of the stack at each sample. */
	samples: number[];
	/** Microseconds from the previous sample to this one. */
	timeDeltas: number[];
}

/** One line of a summary: a function, package or file, and its time. */
export interface ProfileItem {
	name: string;
	ms: number;
	/** Of the process's sampled time, idle included, from 0 to 1. */
	share: number;
}

export interface ProfileSummary {
	/** What the process was, guessed from the code it ran. */
	process: string;
	sampledMs: number;
	functions: ProfileItem[];
	packages: ProfileItem[];
	files: ProfileItem[];
	/** The project's own functions (not node_modules, not Node's) by total time. */
	ownCode: ProfileItem[];
}

/**
 * Where code comes from: its npm package (`astro`, `@astrojs/markdown-remark`), `node` for
 * Node's own modules, `wasm` for WebAssembly, V8's pseudo-functions (`(garbage collector)`,
 * `(idle)`, `(program)`) by name, `(native)` for other code without a file, and for the
 * project's files their folder (`src/newsroom/`). `file` is the path within the package or the
 * project. In a build's profile, `(idle)` is time the process waited (for a child, for input).
 */
export function codeOrigin(
	url: string,
	functionName: string,
	root = '',
): { origin: string; file: string; own: boolean } {
	if (!url) {
		const name = /^\(.*\)$/.test(functionName) ? functionName : '(native)';
		return { origin: name, file: name, own: false };
	}
	if (url.startsWith('node:')) return { origin: 'node', file: url, own: false };
	if (url.startsWith('wasm:')) return { origin: 'wasm', file: url, own: false };
	let file = url;
	try {
		if (url.startsWith('file:')) file = fileURLToPath(url);
	} catch {
		// Not a path after all: keep the URL.
	}
	const modules = file.lastIndexOf('/node_modules/');
	if (modules >= 0) {
		const inside = file.slice(modules + '/node_modules/'.length);
		const parts = inside.split('/');
		const name = parts[0]!.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
		// Astro's cache folder holds code bundled from the project (node_modules/.astro/...).
		return { origin: name, file: inside, own: name.startsWith('.') };
	}
	if (root && file.startsWith(`${root}/`)) file = file.slice(root.length + 1);
	const folder = file.split('/').slice(0, -1).slice(0, 2).join('/');
	return { origin: folder ? `${folder}/` : file, file, own: true };
}

/** The biggest entries of a tally, as items. */
function top(tally: Map<string, number>, count: number, totalUs: number): ProfileItem[] {
	return [...tally]
		.sort((a, b) => b[1] - a[1])
		.slice(0, count)
		.map(([name, us]) => ({ name, ms: us / 1000, share: totalUs > 0 ? us / totalUs : 0 }));
}

const add = (tally: Map<string, number>, key: string, us: number) =>
	tally.set(key, (tally.get(key) ?? 0) + us);

/** Which process of a build a profile is from, by the code it ran. */
function processOf(files: Set<string>): string {
	const ran = (pattern: RegExp) => [...files].some((file) => pattern.test(file));
	if (ran(/^astro\/dist\/core\/build\//)) return 'Astro (astro build)';
	if (ran(/^src\/cli\/build\.ts$/))
		return 'npm run build (src/cli/build.ts: spawnSync is its wait for Astro; then the search index)';
	if (ran(/^src\/cms\/admin-bundle\.ts$/)) return 'CMS bundle (src/cms/admin-bundle.ts child)';
	return 'another Node process';
}

/**
 * Summarises a profile. A sample's time is the gap to the next sample (as Chrome's DevTools
 * count it); a function's total time counts each sample once however often it is on the stack.
 */
export function summariseProfile(profile: CpuProfile, { top: count = 15, root = '' } = {}): ProfileSummary {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
	const describe = new Map(
		profile.nodes.map((node) => {
			const { functionName, url, lineNumber } = node.callFrame;
			const where = codeOrigin(url, functionName, root);
			const name = url
				? `${functionName || '(anonymous)'} ${where.file}:${lineNumber + 1}`
				: where.file === '(native)' && functionName
					? `${functionName} (native)`
					: where.file;
			return [node.id, { ...where, name }];
		}),
	);
	const functions = new Map<string, number>();
	const packages = new Map<string, number>();
	const files = new Map<string, number>();
	const ownCode = new Map<string, number>();
	let totalUs = 0;
	for (let i = 0; i < profile.samples.length; i++) {
		const us = profile.timeDeltas[i + 1] ?? 0;
		const id = profile.samples[i]!;
		const where = describe.get(id);
		if (!where) continue;
		totalUs += us;
		add(functions, where.name, us);
		add(packages, where.origin, us);
		add(files, where.file, us);
		const seen = new Set<string>();
		for (let at: number | undefined = id; at !== undefined && byId.has(at); at = parent.get(at)) {
			const frame = describe.get(at)!;
			if (frame.own && !seen.has(frame.name)) {
				seen.add(frame.name);
				add(ownCode, frame.name, us);
			}
		}
	}
	return {
		process: processOf(new Set([...describe.values()].map((where) => where.file))),
		sampledMs: totalUs / 1000,
		functions: top(functions, count, totalUs),
		packages: top(packages, Math.ceil(count * 0.7), totalUs),
		files: top(files, Math.ceil(count * 0.7), totalUs),
		ownCode: top(ownCode, Math.ceil(count * 0.7), totalUs),
	};
}

/** A summary as Markdown tables. */
export function formatSummary(summary: ProfileSummary, source: string): string {
	const table = (title: string, items: ProfileItem[]) => [
		`${title}:`,
		'',
		'| time | share | |',
		'| ---: | ---: | --- |',
		...items.map(
			(item) =>
				`| ${(item.ms / 1000).toFixed(2)} s | ${(item.share * 100).toFixed(1)}% | ${item.name.replaceAll('|', '\\|')} |`,
		),
		'',
	];
	return [
		`### ${summary.process}: ${(summary.sampledMs / 1000).toFixed(1)} s sampled`,
		'',
		`From \`${source}\`.`,
		'',
		...table('Functions by self time', summary.functions),
		...table('Packages and folders by self time', summary.packages),
		...table('Files by self time', summary.files),
		...table("The project's own functions by total time (self and callees)", summary.ownCode),
	].join('\n');
}

/** Astro's timings (`ASTRO_TIMER_PATH`: `{ name: { elapsedTime, heapUsedChange, heapUsedTotal } }`) as a table. */
export function formatAstroTimer(file: string): string {
	const stats = JSON.parse(readFileSync(file, 'utf8')) as Record<
		string,
		{ elapsedTime: number; heapUsedTotal: number }
	>;
	return [
		"### Astro's own timings (ASTRO_TIMER_PATH)",
		'',
		'| step | time | heap after |',
		'| --- | ---: | ---: |',
		...Object.entries(stats).map(
			([name, stat]) =>
				`| ${name} | ${(stat.elapsedTime / 1000).toFixed(2)} s | ${(stat.heapUsedTotal / 1024 ** 2).toFixed(0)} MB |`,
		),
		'',
	].join('\n');
}

/** Every profile of a folder, the longest first, and Astro's timings when the folder has them. */
export function summariseProfileFolder(
	folder: string,
	options: { top?: number; root?: string } = {},
): string {
	if (!existsSync(folder)) return `(no profile in ${folder})\n`;
	const profiles = readdirSync(folder)
		.filter((name) => name.endsWith('.cpuprofile'))
		.map((name) => {
			const file = path.join(folder, name);
			return {
				file,
				summary: summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, options),
			};
		})
		.sort((a, b) => b.summary.sampledMs - a.summary.sampledMs);
	const timer = path.join(folder, 'astro-timer.json');
	return [
		...(existsSync(timer) ? [formatAstroTimer(timer)] : []),
		...profiles.map(({ file, summary }) => formatSummary(summary, path.basename(file))),
	].join('\n');
}

if (isMain(import.meta.url)) {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: { top: { type: 'string' }, root: { type: 'string' } },
	});
	const [target] = positionals;
	if (!target) {
		console.error('Usage: npm run bench:profile -- <file.cpuprofile | folder> [--top N] [--root R]');
		process.exit(2);
	}
	const options = { top: values.top ? Number(values.top) : 15, root: path.resolve(values.root ?? '.') };
	console.log(
		target.endsWith('.cpuprofile')
			? formatSummary(
					summariseProfile(JSON.parse(readFileSync(target, 'utf8')) as CpuProfile, options),
					path.basename(target),
				)
			: summariseProfileFolder(target, options),
	);
}
