/**
 * Makes one release of a commit and puts it live, pages first, then its search index; or leaves
 * the live site exactly as it was:
 *
 *   1. the commit's files are written into a clean folder, work/build/ (git archive: no .git),
 *      the same path for every release: Astro's incremental build keys pages by module paths;
 *   2. dependencies: the cached node_modules, hard-linked, when package-lock.json and the
 *      dependency fields of package.json are those it was installed from; else `npm ci`;
 *   3. the pages: `npm run build -- --no-search` (the search records stay in Astro's cache);
 *   4. the built-site checks (check-site.ts), all but the search index;
 *   5. the pages go live: the built site is renamed into releases/<id>/ whole, its `pagefind`
 *      link pointing at the live release's search index, and `current` is switched to it
 *      atomically. Searches keep being answered by the last index;
 *   6. the search index: `npm run build:search` into a fresh folder, checked, moved to
 *      search/<id>/, and the release's `pagefind` link switched to it atomically. If this step
 *      fails, the new pages stay live with the last index, the failure is reported (the result's
 *      `searchFailed`), and the next push or rebuild indexes again;
 *   7. releases beyond the configured number are deleted, and the indexes no release links to.
 *
 * With no index to keep answering (the first deploy, or a live release from before search/
 * existed), or when the commit changes the search code (the new search page may not read the
 * last index), step 6 runs before step 5, and a failure there leaves the live site as it was.
 *
 * Callers hold the deploy lock (lock.ts). Every line goes both to `print` (the person pushing, or
 * the timer's journal) and to logs/<id>.log.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import { checkSearchIndex, checkSite, reportSiteCheck } from './check-site.ts';
import { runCapture, runStreaming, withoutGitVariables } from './run.ts';
import { planSchedule } from './schedule.ts';
import {
	commitOfRelease,
	currentRelease,
	pruneReleases,
	pruneSearch,
	recordLive,
	releaseId,
	SEARCH_LINK,
	searchOfRelease,
	switchCurrent,
	switchSearch,
	type DeployTarget,
} from './target.ts';

/**
 * The outcome of a deploy. `searchFailed`: the release's pages went live but its search index
 * did not, why; the last index still answers.
 */
export type DeployResult =
	| { ok: true; release: string; seconds: number; searchFailed?: string }
	| { ok: false; step: string; live: string | undefined; log: string };

/** Top-level node_modules entries that are caches written during builds: copied, never hard-linked. */
const BUILD_CACHES = ['.astro', '.vite', '.cache'];

function seconds(since: number): string {
	return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

/** Runs `git archive` of `commit` into `folder`. `gitEnv` carries a pre-receive hook's quarantine. */
function checkout(repo: string, commit: string, folder: string, gitEnv: NodeJS.ProcessEnv): Promise<void> {
	return new Promise((resolve, reject) => {
		const archive = spawn('git', ['--git-dir', repo, 'archive', '--format=tar', commit], {
			env: gitEnv,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const tar = spawn('tar', ['-x', '-f', '-', '-C', folder], { stdio: ['pipe', 'ignore', 'pipe'] });
		let errors = '';
		archive.stderr.on('data', (chunk: Buffer) => (errors += chunk));
		tar.stderr.on('data', (chunk: Buffer) => (errors += chunk));
		archive.stdout.pipe(tar.stdin);
		let waiting = 2;
		let failed = false;
		const done = (name: string) => (code: number | null) => {
			if (code !== 0) failed = true;
			if (code !== 0) errors = `${name} exited with ${code}. ${errors}`;
			if (--waiting > 0) return;
			if (failed) reject(new Error(errors.trim()));
			else resolve();
		};
		archive.on('close', done('git archive'));
		tar.on('close', done('tar'));
		archive.on('error', reject);
		tar.on('error', reject);
	});
}

/**
 * What an installed node_modules depends on: the lock file, the fields of package.json that npm
 * installs from, and the Node ABI and platform (native modules). Equal keys, reusable folders.
 */
export async function dependencyKey(folder: string): Promise<string> {
	const manifest = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8')) as Record<
		string,
		unknown
	>;
	const fields = [
		'dependencies',
		'devDependencies',
		'optionalDependencies',
		'peerDependencies',
		'overrides',
		'bundleDependencies',
	];
	const hash = createHash('sha256');
	hash.update(await readFile(join(folder, 'package-lock.json')));
	hash.update(JSON.stringify(fields.map((field) => manifest[field] ?? null)));
	hash.update(`${process.versions.modules} ${process.platform} ${process.arch}`);
	return hash.digest('hex');
}

/** Hard-links the tree `from` into the new folder `to` (GNU and BusyBox cp; where -l is missing this fails and npm ci runs). */
async function linkTree(from: string, to: string): Promise<void> {
	await runCapture('cp', ['-al', from, to]);
}

/** Options of one deploy. */
export interface DeployOptions {
	/** Full commit id to deploy. */
	commit: string;
	/** Why: shown in the log ("push to main", "scheduled rebuild", ...). */
	reason: string;
	/** Where progress goes. */
	print: (line: string) => void;
	/** Environment for git (a pre-receive hook's, with its quarantine); default this process's. */
	gitEnv?: NodeJS.ProcessEnv;
	/** How many releases to keep. */
	keep: number;
}

/** Builds `commit` into a new release and switches `current` to it; see the module comment. */
export async function deployCommit(target: DeployTarget, options: DeployOptions): Promise<DeployResult> {
	const started = performance.now();
	const id = releaseId(options.commit);
	// One path for every build (deploys hold the lock): Astro hashes each page's modules with
	// their absolute paths, so its page cache only carries over between builds in the same folder.
	const folder = join(target.work, 'build');
	const logFile = join(target.logs, `${id}.log`);
	await Promise.all(
		[target.work, target.logs, target.releases, target.search, target.cache].map((path) =>
			mkdir(path, { recursive: true }),
		),
	);
	const log = createWriteStream(logFile, { flags: 'a' });
	const print = (line: string) => {
		options.print(line);
		log.write(`${line}\n`);
	};
	const live = await currentRelease(target);
	let step = 'preparing';
	let searchFailed: string | undefined;
	const stepStarted = { at: performance.now() };
	const begin = (name: string, text: string) => {
		step = name;
		stepStarted.at = performance.now();
		print(`deploy: ${text}`);
	};

	try {
		print(`deploy: ${options.reason}: commit ${options.commit.slice(0, 12)} into release ${id}`);
		// Under the lock, anything left in work/ is from a deploy that was killed: remove it.
		for (const leftover of await readdir(target.work))
			await rm(join(target.work, leftover), { recursive: true, force: true });
		await mkdir(folder);

		begin('checkout', 'checking out the commit into a clean folder');
		await checkout(target.repo, options.commit, folder, options.gitEnv ?? process.env);
		const buildEnv = { ...buildEnvironment(), NEWSROOM_PREVIOUS_SITE: target.current }; // the build starts from the live release
		const stream = (line: string) => print(`  ${line}`);

		begin('dependencies', 'installing dependencies');
		await installDependencies(target, folder, { env: buildEnv, print, since: stepStarted.at });

		begin('build', 'building the pages (npm run build -- --no-search)');
		const buildCode = await runStreaming('npm', ['run', 'build', '--', '--no-search'], {
			cwd: folder,
			env: buildEnv,
			onLine: stream,
		});
		if (buildCode !== 0) throw new Error(`the build failed (exit ${buildCode})`);
		print(`deploy: pages built in ${seconds(stepStarted.at)}`);

		begin('check', 'checking the built site');
		const site = join(folder, 'dist');
		const check = await checkSite(site, { search: false, unchangedFrom: target.current });
		if (!reportSiteCheck(check, (line) => print(`  ${line}`)))
			throw new Error('the built site failed its checks');

		const searching = { folder, id, env: buildEnv, onLine: stream };
		const lastSearch = live ? await searchOfRelease(target, live) : undefined;
		const codeChanged = live !== undefined && (await searchCodeChanged(target, live, options));
		const liveSearch = codeChanged ? undefined : lastSearch;
		if (liveSearch === undefined) {
			begin(
				'search',
				codeChanged
					? 'the search code changed: the new search page needs its own index, indexing before the switch'
					: 'no live search index to answer meanwhile: indexing before the switch',
			);
			await buildSearch(target, searching);
		}
		await switchSearch(site, liveSearch ?? id);

		begin('switch', 'switching current to the new release');
		await goLive(target, folder, id, print);
		print(`deploy: pages live ${seconds(started)} after the deploy began`);
		if (liveSearch !== undefined) searchFailed = await searchAfterPages(target, searching, liveSearch, print);
		await plan(target, folder, options.commit, buildEnv, print);
		// Best effort from here: the release is live whatever happens below.
		step = 'cleanup';
		print('deploy: cleaning up (caches kept for the next build, old releases deleted)');
		await cleanUp(target, folder, options.keep, print);
		print(
			`deploy: done in ${seconds(started)}${searchFailed ? ' (pages only: see the search failure above)' : ''}`,
		);
		return { ok: true, release: id, seconds: (performance.now() - started) / 1000, searchFailed };
	} catch (error) {
		if (step === 'cleanup') {
			print(`deploy: warning: cleaning up after the release failed: ${(error as Error).message}`);
			return { ok: true, release: id, seconds: (performance.now() - started) / 1000, searchFailed };
		}
		const doing: Record<string, string> = {
			check: 'checking the built site',
			search: 'building the search index',
		};
		print(`deploy: FAILED while ${doing[step] ?? step}: ${(error as Error).message}`);
		print(
			`deploy: the live site is unchanged: current -> ${live ? `releases/${live}` : '(nothing deployed yet)'}`,
		);
		print(`deploy: full log: ${logFile}`);
		await rm(folder, { recursive: true, force: true }).catch(() => undefined);
		return { ok: false, step, live, log: logFile };
	} finally {
		await new Promise((resolve) => log.end(resolve));
	}
}

/** Plans the next scheduled rebuild from the live commit (schedule.ts); a failure is a warning, the pages are live. */
async function plan(
	target: DeployTarget,
	folder: string,
	commit: string,
	env: NodeJS.ProcessEnv,
	print: (line: string) => void,
): Promise<void> {
	try {
		const { next } = await planSchedule(target, folder, commit, env);
		print(
			next
				? `deploy: the next scheduled article is due at ${next}: bin/due rebuilds then`
				: 'deploy: no article is scheduled for later',
		);
	} catch (error) {
		print(`deploy: warning: the next scheduled rebuild could not be planned: ${(error as Error).message}`);
	}
}

/** The build runs on the Node that runs this script, and npm's scripts find it first on PATH. */
function buildEnvironment(): NodeJS.ProcessEnv {
	return {
		...withoutGitVariables(process.env),
		PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
		ASTRO_TELEMETRY_DISABLED: '1',
		FORCE_COLOR: '0',
		NO_COLOR: '1',
		npm_config_update_notifier: 'false',
	};
}

/** Where Astro's caches wait between builds. */
function astroCacheOf(target: DeployTarget): string {
	return join(target.cache, 'astro');
}

/**
 * Step 2: node_modules for the build, reused from the cache when the dependencies are those it
 * was installed from (linking is seconds, `npm ci` minutes), and Astro's caches moved in.
 */
async function installDependencies(
	target: DeployTarget,
	folder: string,
	run: { env: NodeJS.ProcessEnv; print: (line: string) => void; since: number },
): Promise<void> {
	const { env, print, since } = run;
	const key = await dependencyKey(folder);
	const cachedModules = join(target.cache, 'node_modules');
	const cachedKey = await readFile(join(target.cache, 'node_modules.key'), 'utf8').catch(() => '');
	let reused = false;
	if (cachedKey === key && existsSync(cachedModules)) {
		try {
			await linkTree(cachedModules, join(folder, 'node_modules'));
			reused = true;
			print(`deploy: package-lock.json unchanged: node_modules reused (hard links) in ${seconds(since)}`);
		} catch (error) {
			print(`deploy: could not reuse node_modules (${(error as Error).message}); running npm ci`);
			await rm(join(folder, 'node_modules'), { recursive: true, force: true });
		}
	}
	if (!reused) {
		const code = await runStreaming('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], {
			cwd: folder,
			env,
			onLine: (line) => print(`  ${line}`),
		});
		if (code !== 0) throw new Error(`npm ci failed (exit ${code})`);
		print(`deploy: npm ci done in ${seconds(since)}`);
		await cacheModules(target, join(folder, 'node_modules'), key, print);
	}
	// Astro's caches (content layer, incremental build: a copy of every page) are moved in,
	// not copied: at archive scale they are gigabytes. A failed build takes them with its
	// folder, and the next build renders every page.
	const astroCache = astroCacheOf(target);
	if (existsSync(astroCache)) {
		await rm(join(folder, 'node_modules', '.astro'), { recursive: true, force: true });
		await rename(astroCache, join(folder, 'node_modules', '.astro'));
	}
}

/**
 * Keeps a fresh install for the next releases: a linked copy goes into the cache, then is
 * swapped in, so the cache is never half-written. A failure only costs the next deploy an `npm ci`.
 */
async function cacheModules(
	target: DeployTarget,
	modules: string,
	key: string,
	print: (line: string) => void,
): Promise<void> {
	const cachedModules = join(target.cache, 'node_modules');
	const fresh = `${cachedModules}.new`;
	await rm(fresh, { recursive: true, force: true });
	await linkTree(modules, fresh).then(
		async () => {
			for (const cache of BUILD_CACHES) await rm(join(fresh, cache), { recursive: true, force: true });
			await rm(`${cachedModules}.old`, { recursive: true, force: true });
			if (existsSync(cachedModules)) await rename(cachedModules, `${cachedModules}.old`);
			await rename(fresh, cachedModules);
			await writeFile(join(target.cache, 'node_modules.key'), key);
			await rm(`${cachedModules}.old`, { recursive: true, force: true });
		},
		(error: Error) => print(`deploy: node_modules not cached (${error.message})`),
	);
}

/**
 * What the search page and its index must agree on: the page's search client, the bundle's URL
 * and Pagefind's version. When a commit changes them, its pages wait for their own index.
 */
const SEARCH_CODE = ['src/search', 'src/site/urls.ts', 'package-lock.json'];

/** Whether the search code differs between the live release's commit and the one deployed; true when unsure. */
async function searchCodeChanged(
	target: DeployTarget,
	live: string,
	options: DeployOptions,
): Promise<boolean> {
	try {
		const args = ['--git-dir', target.repo, 'diff', '--quiet', commitOfRelease(live), options.commit];
		await runCapture('git', [...args, '--', ...SEARCH_CODE], { env: options.gitEnv ?? process.env });
		return false;
	} catch {
		return true;
	}
}

/** What building a release's search index needs: the build folder, the release and the build's environment. */
interface SearchBuild {
	folder: string;
	id: string;
	env: NodeJS.ProcessEnv;
	onLine: (line: string) => void;
}

/**
 * Step 6's index: the records the page build left in the cache, indexed by `npm run build:search`
 * into a folder of the build, checked, then moved whole to search/<id>/; or an error. Nothing
 * links to it yet.
 */
async function buildSearch(target: DeployTarget, { folder, id, env, onLine }: SearchBuild): Promise<void> {
	const out = join(folder, '.search-index');
	await rm(out, { recursive: true, force: true });
	const code = await runStreaming('npm', ['run', 'build:search', '--', '--out', out], {
		cwd: folder,
		env,
		onLine,
	});
	if (code !== 0) throw new Error(`npm run build:search failed (exit ${code})`);
	const problems = await checkSearchIndex(join(out, SEARCH_LINK));
	if (problems.length > 0) throw new Error(problems.map((problem) => problem.message).join('; '));
	await rename(join(out, SEARCH_LINK), join(target.search, id));
}

/**
 * Step 6, once the pages are live: the new index, then the release's search link switched to it.
 * A failure leaves the pages live and the last index answering; it is reported, not thrown.
 * Returns what failed, or undefined.
 */
async function searchAfterPages(
	target: DeployTarget,
	search: SearchBuild,
	liveSearch: string,
	print: (line: string) => void,
): Promise<string | undefined> {
	const started = performance.now();
	print(`deploy: building the search index (npm run build:search); search/${liveSearch} answers meanwhile`);
	try {
		await buildSearch(target, search);
		await switchSearch(join(target.releases, search.id), search.id);
		print(
			`deploy: search index live: releases/${search.id}/pagefind -> search/${search.id} (indexed in ${seconds(started)})`,
		);
		return undefined;
	} catch (error) {
		const message = (error as Error).message;
		print(`deploy: FAILED while building the search index: ${message}`);
		print(
			`deploy: live now: the pages of releases/${search.id}, with the search index of an earlier release (search/${liveSearch}); new and changed articles are not found by search yet`,
		);
		print('deploy: the next push or rebuild indexes again');
		return message;
	}
}

/** Step 5: the built site becomes releases/<id>/ whole and `current` points to it, atomically. */
async function goLive(
	target: DeployTarget,
	folder: string,
	id: string,
	print: (line: string) => void,
): Promise<void> {
	await rename(join(folder, 'dist'), join(target.releases, id));
	await switchCurrent(target, id);
	print(`deploy: live: current -> releases/${id}`);
	await recordLive(target, id).catch((error: Error) =>
		print(`deploy: warning: history not updated: ${error.message}`),
	);
}

/** After the switch: Astro's caches kept for the next build, old releases and the build folder removed. */
async function cleanUp(
	target: DeployTarget,
	folder: string,
	keep: number,
	print: (line: string) => void,
): Promise<void> {
	const astroCache = astroCacheOf(target);
	if (existsSync(join(folder, 'node_modules', '.astro'))) {
		await rm(astroCache, { recursive: true, force: true });
		await rename(join(folder, 'node_modules', '.astro'), astroCache).catch(() => undefined);
	}
	const pruned = await pruneReleases(target, keep);
	if (pruned.length > 0)
		print(`deploy: deleted ${pruned.length} old release(s), keeping ${keep}: ${pruned.join(', ')}`);
	const unused = await pruneSearch(target);
	if (unused.length > 0) print(`deploy: deleted ${unused.length} search index(es) no kept release uses`);
	await rm(folder, { recursive: true, force: true });
}
