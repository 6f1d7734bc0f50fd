import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CmsServer } from '../../src/cms/server.ts';

/** Git with no system or global configuration: only what the test sets up counts. */
export function gitEnv(home: string): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		HOME: home,
		GIT_CONFIG_NOSYSTEM: '1',
		GIT_CONFIG_GLOBAL: join(home, 'no-gitconfig'),
	};
	for (const key of [
		'GIT_AUTHOR_NAME',
		'GIT_AUTHOR_EMAIL',
		'GIT_COMMITTER_NAME',
		'GIT_COMMITTER_EMAIL',
		'EMAIL',
	])
		delete env[key];
	return env;
}

/** An article as the CMS writes it. */
export const article = (title: string) =>
	`---\ntitle: ${title}\ndate: '2026-05-01T10:00:00+03:00'\ncategory: politics\n---\n\nنص المادة.\n`;

/**
 * A small repository like the site's: content the CMS edits, and files it must never touch
 * (`package.json`, `src/`, `node_modules/`, `.git/`), committed on `main` when `user` is set.
 */
export async function cmsRepository({ user = true }: { user?: boolean } = {}) {
	const root = await mkdtemp(join(tmpdir(), 'newsroom-cms-'));
	const env = gitEnv(root);
	const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env, encoding: 'utf8' });
	git('init', '-q', '-b', 'main');
	if (user) {
		git('config', 'user.name', 'Test Editor');
		git('config', 'user.email', 'editor@example.org');
	}
	const files: Record<string, string> = {
		'content/articles/ar/budget-vote.md': article('الموازنة'),
		'content/categories/politics.yml': 'name:\n  ar: سياسة\n  en: Politics\norder: 1\n',
		'content/media/.gitkeep': '',
		'package.json': '{"name":"site"}\n',
		'src/secret.ts': 'export const secret = 1;\n',
		'node_modules/pkg/index.js': 'module.exports = 1;\n',
		'README.md': 'readme\n',
	};
	for (const [path, text] of Object.entries(files)) {
		await mkdir(join(root, path, '..'), { recursive: true });
		await writeFile(join(root, path), text);
	}
	if (user) {
		git('add', '.');
		git('commit', '-q', '-m', 'initial');
	}
	return { root, env, git };
}

/** Posts an API request to `server` as the CMS page of `origin` would (default: its own). */
export function api(
	server: Pick<CmsServer, 'url' | 'token' | 'origins'>,
	body: unknown,
	headers: Record<string, string> = {},
) {
	return fetch(server.url, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			origin: server.origins[0]!,
			'x-newsroom-cms-token': server.token,
			...headers,
		},
		body: JSON.stringify(body),
	});
}
