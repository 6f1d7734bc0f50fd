/** Running programs, and the command-line entry test, for the deploy commands and others. */
import { spawn, type SpawnOptions } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Whether the module at `moduleUrl` is the script node was started with: for modules that are
 * both a library and a command (the deploy commands, the CMS bundler's child, the corpus
 * generator). `import.meta.main` would do, but only exists from Node 22.18 on. Here because
 * deploy:init copies src/deploy/ alone to the server.
 */
export function isMain(moduleUrl: string): boolean {
	const script = process.argv[1];
	if (!script) return false;
	try {
		return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
	} catch {
		return false;
	}
}

/** Where a program's output goes, line by line. */
export type LineSink = (line: string) => void;

/**
 * Runs `command` and sends each line it prints to `onLine` as it comes, so a long build shows
 * its progress. Resolves with the exit code; rejects only when the program cannot start.
 */
export function runStreaming(
	command: string,
	args: string[],
	options: SpawnOptions & { onLine: LineSink },
): Promise<number> {
	const { onLine, ...spawnOptions } = options;
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] });
		const pending = { stdout: '', stderr: '' };
		for (const stream of ['stdout', 'stderr'] as const) {
			child[stream]!.setEncoding('utf8');
			child[stream]!.on('data', (chunk: string) => {
				const lines = (pending[stream] + chunk).split(/\r?\n/);
				pending[stream] = lines.pop() ?? '';
				for (const line of lines) onLine(line);
			});
		}
		child.on('error', reject);
		child.on('close', (code, signal) => {
			for (const rest of Object.values(pending)) if (rest) onLine(rest);
			resolve(code ?? (signal ? 128 : 1));
		});
	});
}

/** Runs `command` and returns what it printed on standard output; throws with its error output when it fails. */
export function runCapture(command: string, args: string[], options: SpawnOptions = {}): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code) => {
			if (code === 0) resolve(stdout);
			else reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}): ${stderr.trim()}`));
		});
	});
}

/** A copy of `env` without git's variables, so that a build never talks to the deploy repository by accident. */
export function withoutGitVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('GIT_')));
}
