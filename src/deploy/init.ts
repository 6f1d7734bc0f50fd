/**
 * `npm run deploy:init -- <dir> [--keep N] [--branch main] [--node /path/to/node]`
 *
 * Prepares a deploy target (layout in target.ts) on this machine; on a server, run it there (see
 * docs/deploy.md). Running it again is safe: it keeps the repository, the
 * releases and the settings, and updates the deploy code, hooks and scripts.
 */
import { chmod, copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { existsSync, realpathSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isMain, runCapture } from './run.ts';
import { DEFAULT_CONFIG, deployTarget, readConfig, type DeployTarget } from './target.ts';

/** `text` quoted for a POSIX shell. */
function shellQuote(text: string): string {
	return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Writes an executable shell script. */
async function writeScript(path: string, lines: string[]): Promise<void> {
	await writeFile(path, `#!/bin/sh\n${lines.join('\n')}\n`);
	await chmod(path, 0o755);
}

/** The shell entry points: each runs a TypeScript file of the installed deploy code on a suitable Node. */
async function writeScripts(target: DeployTarget): Promise<void> {
	const root = shellQuote(target.root);
	const header = (...what: string[]) => [
		...what.map((line) => `# ${line}`),
		'# Written by `npm run deploy:init`; run it again rather than editing this file.',
		`ROOT=${root}`,
	];
	await writeScript(join(target.bin, 'run-ts'), [
		...header(
			'Runs a TypeScript file of the deploy code on Node >= 22.12, the first found of: $NEWSROOM_NODE,',
			'git config newsroom.node (set by deploy:init --node), node on PATH, and the Node that ran deploy:init.',
		),
		'config() { git config --file "$ROOT/site.git/config" --get "$1" 2>/dev/null; }',
		`node_ok() { [ -n "$1" ] && "$1" -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 12) ? 0 : 1)' 2>/dev/null; }`,
		'for candidate in "${NEWSROOM_NODE:-}" "$(config newsroom.node)" "$(command -v node 2>/dev/null)" "$(config newsroom.initNode)"; do',
		'	if node_ok "$candidate"; then',
		'		exec "$candidate" --experimental-strip-types --disable-warning=ExperimentalWarning "$@"',
		'	fi',
		'done',
		'echo "deploy: FAILED: no Node >= 22.12 found (tried \\$NEWSROOM_NODE, git config newsroom.node, node on PATH: $(command -v node || echo none), $(config newsroom.initNode))." >&2',
		'echo "deploy: set one with: git config --file $ROOT/site.git/config newsroom.node /path/to/node" >&2',
		'exit 1',
	]);
	await writeScript(join(target.bin, 'receive-pack'), [
		...header(
			'git-receive-pack under the deploy lock: pushes wait their turn, then see the commit before them.',
			"Use it as the remote's receive-pack: git config remote.<name>.receivepack <this file>",
		),
		'exec "$ROOT/bin/run-ts" "$ROOT/deploy/with-lock.ts" "$ROOT" git-receive-pack "$@"',
	]);
	await writeScript(join(target.bin, 'due'), [
		...header('Rebuilds the live commit when a scheduled article is due (a timer runs this every minute).'),
		'exec "$ROOT/bin/run-ts" "$ROOT/deploy/due.ts" "$ROOT"',
	]);
	await writeScript(join(target.bin, 'rebuild'), [
		...header('Rebuilds the live commit (the timer runs this).'),
		'exec "$ROOT/bin/run-ts" "$ROOT/deploy/rebuild.ts" "$ROOT"',
	]);
	await writeScript(join(target.bin, 'rollback'), [
		...header('Switches current back one release.'),
		'exec "$ROOT/bin/run-ts" "$ROOT/deploy/rollback.ts" "$ROOT"',
	]);
	for (const hook of ['pre-receive', 'post-receive']) {
		await writeScript(join(target.repo, 'hooks', hook), [
			...header(`The deploy's ${hook} hook (src/deploy/hook.ts).`),
			`exec "$ROOT/bin/run-ts" "$ROOT/deploy/hook.ts" ${hook} "$ROOT"`,
		]);
	}
}

/** The systemd units and the cron line of the scheduled rebuild, written into <dir>/systemd/. */
export function timerFiles(target: DeployTarget, user: string): Record<string, string> {
	const rebuild = join(target.bin, 'rebuild');
	const due = join(target.bin, 'due');
	return {
		'newsroom-rebuild.service': [
			'[Unit]',
			`Description=Rebuild the newsroom site in ${target.root} (scheduled articles, Google News sitemap)`,
			'',
			'[Service]',
			'Type=oneshot',
			`User=${user}`,
			`ExecStart=${rebuild}`,
			'Nice=10',
			'',
		].join('\n'),
		'newsroom-rebuild.timer': [
			'[Unit]',
			'Description=Rebuild the newsroom site every hour',
			'',
			'[Timer]',
			'# Every hour, just after the hour, when scheduled articles are most often dated.',
			'# For quarter-hour scheduling: OnCalendar=*:00/15:30',
			'OnCalendar=*-*-* *:00:30',
			'Persistent=true',
			'',
			'[Install]',
			'WantedBy=timers.target',
			'',
		].join('\n'),
		'newsroom-due.service': [
			'[Unit]',
			`Description=Publish the newsroom site's scheduled articles in ${target.root} when they are due`,
			'',
			'[Service]',
			'Type=oneshot',
			`ExecStart=${due}`,
			'Nice=10',
			'',
		].join('\n'),
		'newsroom-due.timer': [
			'[Unit]',
			'Description=Check every minute whether a scheduled article is due',
			'',
			'[Timer]',
			'# A user timer, no root: copy both files to ~/.config/systemd/user/, run',
			'# systemctl --user enable --now newsroom-due.timer, and loginctl enable-linger so it runs when you are logged out.',
			'OnCalendar=*-*-* *:*:05',
			'AccuracySec=1s',
			'',
			'[Install]',
			'WantedBy=timers.target',
			'',
		].join('\n'),
		crontab: [
			`# The same without systemd: add these lines with \`crontab -e\` as ${user}.`,
			`30 * * * * ${rebuild} >> ${join(target.logs, 'rebuild.log')} 2>&1`,
			`* * * * * ${due} >> ${join(target.logs, 'due.log')} 2>&1`,
			'',
		].join('\n'),
	};
}

/** Prepares (or updates) the deploy target at `dir`. */
export async function init(
	dir: string,
	options: { keep?: number; branch?: string; node?: string },
	print: (line: string) => void,
): Promise<DeployTarget> {
	const target = deployTarget(dir);
	for (const folder of [
		target.root,
		target.releases,
		target.search,
		target.work,
		target.cache,
		target.logs,
		target.bin,
		target.deployCode,
		join(target.root, 'systemd'),
	]) {
		await mkdir(folder, { recursive: true });
	}
	if (options.keep !== undefined && (!Number.isInteger(options.keep) || options.keep < 2)) {
		throw new Error(
			`--keep must be a whole number of at least 2 (the live release and one to roll back to), not ${options.keep}`,
		);
	}
	const branch = options.branch ?? DEFAULT_CONFIG.branch;
	if (!existsSync(join(target.repo, 'HEAD'))) {
		await runCapture('git', ['init', '--quiet', '--bare', `--initial-branch=${branch}`, target.repo]);
		print(`created ${target.repo}`);
	}
	const setConfig = (key: string, value: string) =>
		runCapture('git', ['config', '--file', join(target.repo, 'config'), key, value]);
	if (options.branch) await setConfig('newsroom.branch', options.branch);
	if (options.keep !== undefined) await setConfig('newsroom.keep', String(options.keep));
	if (options.node) await setConfig('newsroom.node', realpathSync(options.node));
	await setConfig('newsroom.initNode', realpathSync(process.execPath));
	const config = await readConfig(target);

	// The deploy code runs from this copy, so a pushed commit can never break the deploy itself.
	for (const name of await readdir(import.meta.dirname)) {
		if (name.endsWith('.ts')) await copyFile(join(import.meta.dirname, name), join(target.deployCode, name));
	}
	await writeScripts(target);
	const user = userInfo().username;
	for (const [name, text] of Object.entries(timerFiles(target, user)))
		await writeFile(join(target.root, 'systemd', name), text);

	const ssh = `ssh://${user}@${hostname()}${target.repo}`;
	for (const line of [
		`deploy target ready in ${target.root}: pushes to ${config.branch} go live, ${config.keep} releases are kept`,
		'',
		'Add it as a remote in your clone of the site, here or from another machine:',
		`  git remote add live ${target.repo}            # on this machine`,
		`  git remote add live ${ssh}   # over ssh`,
		`  git config remote.live.receivepack ${join(target.bin, 'receive-pack')}   # pushes wait their turn`,
		`  git push live ${config.branch}`,
		'',
		`Serve ${target.current} (example server block: src/deploy/nginx.conf).`,
		`Rebuild hourly: copy ${join(target.root, 'systemd')}/newsroom-rebuild.{service,timer} to /etc/systemd/system/`,
		'  and run: systemctl enable --now newsroom-rebuild.timer   (or use the line in systemd/crontab)',
		`Publish scheduled articles on the minute: copy ${join(target.root, 'systemd')}/newsroom-due.{service,timer} to ~/.config/systemd/user/`,
		'  and run: systemctl --user enable --now newsroom-due.timer; loginctl enable-linger   (or the crontab line)',
		`Roll back one release: ${join(target.bin, 'rollback')}   (or npm run deploy:rollback -- ${target.root})`,
	]) {
		print(line);
	}
	return target;
}

if (isMain(import.meta.url)) {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: { keep: { type: 'string' }, branch: { type: 'string' }, node: { type: 'string' } },
	});
	if (positionals.length !== 1) {
		console.error('usage: npm run deploy:init -- <dir> [--keep N] [--branch main] [--node /path/to/node]');
		process.exit(2);
	}
	try {
		await init(
			positionals[0]!,
			{
				keep: values.keep === undefined ? undefined : Number(values.keep),
				branch: values.branch,
				node: values.node,
			},
			(line) => console.log(line),
		);
	} catch (error) {
		console.error(`deploy:init FAILED: ${(error as Error).message}`);
		process.exitCode = 1;
	}
}
