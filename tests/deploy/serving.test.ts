import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../helpers/site-copy.ts';
import { freePort } from '../helpers/serve.ts';

/**
 * The example nginx site (src/deploy/nginx.conf), run by a real nginx over a small built site,
 * and the Netlify / Cloudflare Pages files (public/_headers, public/_redirects), read the way
 * each host reads them: the same headers and the same not-found pages everywhere.
 */

const nginxBinary = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((path) =>
	existsSync(path),
);
if (!nginxBinary && !process.env.CI)
	console.warn(
		'serving.test.ts: nginx is not installed (apt-get install nginx; .ci/run does it): the nginx checks are skipped',
	);

/** A tiny built site: each kind of path the server treats differently. */
const site: Record<string, string> = {
	'index.html': page('ar', 'الصفحة الرئيسية'),
	'404.html': page('ar', 'الصفحة غير موجودة'),
	'en/index.html': page('en', 'Home'),
	'en/404.html': page('en', 'Page not found'),
	'news/khabar/index.html': page('ar', 'خبر'),
	'_astro/BaseLayout.abc123.css': `body { color: black; }\n${'/* padding */\n'.repeat(100)}`,
	'admin/index.html': page('ar', 'لوحة التحرير'),
	'.hidden': 'secret',
	_headers: 'not for readers',
	// What the build writes from content/redirects/: the include, and the page at the old path.
	'nginx-redirects.conf': 'location = "/2021/06/خبر/" { return 301 /news/khabar/; }\n',
	'2021/06/خبر/index.html':
		'<!doctype html><meta http-equiv="refresh" content="0; url=/news/khabar/"><a href="/news/khabar/">/news/khabar/</a>',
};

function page(lang: string, title: string): string {
	return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${'<p>نص الصفحة. Text of the page.</p>'.repeat(40)}</main></body></html>\n`;
}

/** Paths to compare, with what nginx must answer. */
const requests = [
	{ path: '/', status: 200, body: 'الصفحة الرئيسية', csp: 'site', cache: 'short' },
	{ path: '/en/', status: 200, body: 'Home', csp: 'site', cache: 'short' },
	{ path: '/news/khabar/', status: 200, body: 'خبر', csp: 'site', cache: 'short' },
	{ path: '/news/khabar', status: 200, body: 'خبر', csp: 'site', cache: 'short' },
	{ path: '/_astro/BaseLayout.abc123.css', status: 200, body: 'color: black', csp: 'site', cache: 'long' },
	{ path: '/admin/', status: 200, body: 'لوحة التحرير', csp: 'admin', cache: 'short' },
	{ path: '/news/missing/', status: 404, body: 'الصفحة غير موجودة', csp: 'site', cache: 'short' },
	{ path: '/en/news/missing/', status: 404, body: 'Page not found', csp: 'site', cache: 'short' },
	{ path: '/en', status: 200, body: 'Home', csp: 'site', cache: 'short' },
	{ path: '/.hidden', status: 404, body: 'الصفحة غير موجودة', csp: 'site', cache: 'short' },
	{ path: '/_headers', status: 404, body: 'الصفحة غير موجودة', csp: 'site', cache: 'short' },
	{ path: '/nginx-redirects.conf', status: 404, body: 'الصفحة غير موجودة', csp: 'site', cache: 'short' },
	{ path: '/2021/06/%D8%AE%D8%A8%D8%B1/', status: 200, body: 'خبر', csp: 'site', cache: 'short' },
	// A deploy's release links to its search index outside the root (search/<key>/): followed.
	{
		path: '/pagefind/ar/pagefind-entry.json',
		status: 200,
		body: '"page_count"',
		csp: 'site',
		cache: 'short',
	},
] as const;

const COMPARED = [
	'content-security-policy',
	'cache-control',
	'x-content-type-options',
	'referrer-policy',
	'permissions-policy',
];

/** public/_headers as rules: path pattern, headers set, headers detached ("! Name"). */
interface HeaderRule {
	path: string;
	set: [string, string][];
	detach: string[];
}

function parseHeadersFile(text: string): HeaderRule[] {
	const rules: HeaderRule[] = [];
	for (const raw of text.split('\n')) {
		const line = raw.trim();
		if (line === '' || line.startsWith('#')) continue;
		if (line.startsWith('/')) rules.push({ path: line, set: [], detach: [] });
		else if (line.startsWith('!')) rules.at(-1)!.detach.push(line.slice(1).trim().toLowerCase());
		else {
			const colon = line.indexOf(':');
			rules.at(-1)!.set.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
		}
	}
	return rules;
}

/** Netlify / Cloudflare path patterns: a `*` splat matches the rest of the path, possibly nothing. */
function matches(pattern: string, path: string): boolean {
	const regex = new RegExp(
		`^${pattern
			.split('*')
			.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
			.join('.*')}$`,
	);
	return regex.test(path);
}

/** Cloudflare Pages (workers-sdk asset-server handler): rules in order; detach deletes; a header set twice is joined with ", ". */
function cloudflareHeaders(rules: HeaderRule[], path: string): Map<string, string> {
	const headers = new Map<string, string>();
	const setBefore = new Set<string>();
	for (const rule of rules.filter((candidate) => matches(candidate.path, path))) {
		for (const name of rule.detach) headers.delete(name);
		for (const [name, value] of rule.set) {
			headers.set(name, setBefore.has(name) && headers.has(name) ? `${headers.get(name)}, ${value}` : value);
			setBefore.add(name);
		}
	}
	return headers;
}

/** Netlify (netlify/build headers-parser and the CLI's headersForPath): "!" lines have no colon and are dropped; a later matching rule replaces a header's value. */
function netlifyHeaders(rules: HeaderRule[], path: string): Map<string, string> {
	const headers = new Map<string, string>();
	for (const rule of rules.filter((candidate) => matches(candidate.path, path)))
		for (const [name, value] of rule.set) headers.set(name, value);
	return headers;
}

let folder: string;
let nginx: ChildProcess | undefined;
let baseUrl = '';
let nginxConfText = '';

/** The example file as a test server runs it: this port on 127.0.0.1, this site as root. */
function testServerBlock(port: number, root: string): string {
	const text = nginxConfText
		.replace(/^\s*listen \[::\]:80;\n/m, '')
		.replace(/listen 80;/, `listen 127.0.0.1:${port};`)
		.replace(/root \/srv\/newsroom\/current;/, `root ${root};`)
		.replace(
			'include /srv/newsroom/current/nginx-redirects*.conf;',
			`include ${root}/nginx-redirects*.conf;`,
		);
	if (
		!text.includes(`127.0.0.1:${port}`) ||
		!text.includes(`root ${root};`) ||
		!text.includes(`include ${root}/`)
	) {
		throw new Error('nginx.conf no longer has the listen, root and include lines this test replaces');
	}
	return text;
}

/** A whole nginx configuration around a server block, everything in `prefix`. */
function mainConf(prefix: string, serverBlockFile: string): string {
	return [
		'daemon off;',
		'master_process off;',
		`pid ${prefix}/nginx.pid;`,
		`error_log ${prefix}/error.log;`,
		'events { worker_connections 64; }',
		'http {',
		'	include /etc/nginx/mime.types;',
		'	default_type application/octet-stream;',
		'	access_log off;',
		...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
			(kind) => `	${kind}_temp_path ${prefix}/${kind};`,
		),
		`	include ${serverBlockFile};`,
		'}',
		'',
	].join('\n');
}

beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), 'newsroom-serving-'));
	nginxConfText = await readFile(join(projectRoot, 'src/deploy/nginx.conf'), 'utf8');
	for (const [path, text] of Object.entries(site)) {
		await mkdir(dirname(join(folder, 'site', path)), { recursive: true });
		await writeFile(join(folder, 'site', path), text);
	}
	await mkdir(join(folder, 'search', 'key', 'ar'), { recursive: true });
	await writeFile(
		join(folder, 'search', 'key', 'ar', 'pagefind-entry.json'),
		'{"languages":{"und":{"page_count":1}}}',
	);
	await symlink(join('..', 'search', 'key'), join(folder, 'site', 'pagefind'));
	if (!nginxBinary) return;
	const port = await freePort();
	await writeFile(join(folder, 'site.conf'), testServerBlock(port, join(folder, 'site')));
	await writeFile(join(folder, 'nginx.conf'), mainConf(folder, join(folder, 'site.conf')));
	nginx = spawn(
		nginxBinary,
		['-p', folder, '-e', join(folder, 'error.log'), '-c', join(folder, 'nginx.conf')],
		{
			stdio: ['ignore', 'ignore', 'pipe'],
		},
	);
	baseUrl = `http://127.0.0.1:${port}`;
	for (let attempt = 0; ; attempt++) {
		try {
			await fetch(`${baseUrl}/`);
			break;
		} catch (error) {
			if (attempt > 100 || nginx.exitCode !== null)
				throw new Error(
					`nginx did not start: ${await readFile(join(folder, 'error.log'), 'utf8').catch(() => '')}`,
					{ cause: error },
				);
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	}
});

afterAll(async () => {
	if (nginx && nginx.exitCode === null) {
		const exited = new Promise((resolve) => nginx!.once('exit', resolve));
		nginx.kill('SIGTERM');
		await exited;
	}
	await rm(folder, { recursive: true, force: true });
});

// Skipped only on a developer's machine without nginx; in CI (which installs it) a missing nginx fails.
describe.skipIf(!nginxBinary && !process.env.CI)('the example nginx site (src/deploy/nginx.conf)', () => {
	test('nginx -t accepts it, as written, inside a standard http block', async () => {
		await writeFile(
			join(folder, 'as-written.conf'),
			mainConf(folder, join(projectRoot, 'src/deploy/nginx.conf')),
		);
		const result = spawnSync(
			nginxBinary!,
			['-t', '-p', folder, '-e', join(folder, 'error.log'), '-c', join(folder, 'as-written.conf')],
			{
				encoding: 'utf8',
			},
		);
		expect(result.stderr).toMatch(/syntax is ok/);
		expect(result.stderr).toMatch(/test is successful/);
		expect(result.status).toBe(0);
	});

	test('nginx -t catches a broken file (so the check above can fail)', async () => {
		await writeFile(
			join(folder, 'broken.conf'),
			nginxConfText.replace('try_files $uri $uri/ =404;', 'try_files $uri $uri/ =404'),
		);
		await writeFile(join(folder, 'broken-main.conf'), mainConf(folder, join(folder, 'broken.conf')));
		const result = spawnSync(
			nginxBinary!,
			['-t', '-p', folder, '-e', join(folder, 'error.log'), '-c', join(folder, 'broken-main.conf')],
			{
				encoding: 'utf8',
			},
		);
		expect(result.status).not.toBe(0);
	});

	test.each(requests)(
		'$path: status $status, the right page and headers',
		async ({ path, status, body, csp, cache }) => {
			const response = await fetch(`${baseUrl}${path}`, { redirect: 'follow' });
			expect(response.status).toBe(status);
			expect(await response.text()).toContain(body);
			const policy = response.headers.get('content-security-policy') ?? '';
			if (csp === 'site') {
				expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
				expect(policy).not.toMatch(/unsafe-inline|'unsafe-eval'/);
			} else {
				expect(policy).toContain("script-src 'self' 'unsafe-eval'");
				expect(policy).toContain('https://api.github.com');
			}
			expect(policy).toContain("frame-ancestors 'none'");
			expect(response.headers.get('cache-control')).toBe(
				cache === 'long' ? 'public, max-age=31536000, immutable' : 'public, max-age=60, must-revalidate',
			);
			expect(response.headers.get('x-content-type-options')).toBe('nosniff');
			expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
			expect(response.headers.get('permissions-policy')).toContain('camera=()');
		},
	);

	test('an old address is a permanent redirect, however its Arabic is percent-encoded', async () => {
		for (const path of ['/2021/06/%D8%AE%D8%A8%D8%B1/', '/2021/06/%d8%ae%d8%a8%d8%b1/']) {
			const response = await fetch(`${baseUrl}${path}`, { redirect: 'manual' });
			expect(response.status, path).toBe(301);
			expect(response.headers.get('location'), path).toBe('/news/khabar/');
			// The server-wide headers still apply (a location with its own add_header would drop them).
			expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		}
		const other = await fetch(`${baseUrl}/2021/06/other/`, { redirect: 'manual' });
		expect(other.status).toBe(404);
	});

	test('pages and stylesheets are compressed for browsers that ask', async () => {
		for (const path of ['/', '/_astro/BaseLayout.abc123.css']) {
			const response = await fetch(`${baseUrl}${path}`, { headers: { 'accept-encoding': 'gzip' } });
			expect(response.headers.get('content-encoding'), path).toBe('gzip');
			// fetch decompresses: what arrives must still be the file.
			expect(await response.text()).toContain(path === '/' ? 'الصفحة الرئيسية' : 'color: black');
		}
	});

	test.each(requests)(
		'public/_headers gives $path the same headers on Netlify and on Cloudflare Pages as nginx',
		async ({ path }) => {
			const rules = parseHeadersFile(await readFile(join(projectRoot, 'public/_headers'), 'utf8'));
			const response = await fetch(`${baseUrl}${path}`);
			const fromNginx = Object.fromEntries(COMPARED.map((name) => [name, response.headers.get(name)]));
			for (const [host, headers] of [
				['Cloudflare', cloudflareHeaders(rules, path)],
				['Netlify', netlifyHeaders(rules, path)],
			] as const) {
				expect(Object.fromEntries(COMPARED.map((name) => [name, headers.get(name) ?? null])), host).toEqual(
					fromNginx,
				);
			}
		},
	);
});

describe('public/_headers and public/_redirects, read as the hosts read them', () => {
	test('without the "!" detach lines, Cloudflare would send two policies to /admin/ (so the merge check can fail)', async () => {
		const rules = parseHeadersFile(
			(await readFile(join(projectRoot, 'public/_headers'), 'utf8')).replace(/^\s*!.*$/gm, ''),
		);
		expect(cloudflareHeaders(rules, '/admin/').get('content-security-policy')).toMatch(
			/frame-ancestors 'none', default-src/,
		);
		expect(cloudflareHeaders(rules, '/_astro/x.css').get('cache-control')).toContain(
			'must-revalidate, public',
		);
	});

	test('each language gets its own not-found page (Netlify applies the first matching rule)', async () => {
		const rules = (await readFile(join(projectRoot, 'public/_redirects'), 'utf8'))
			.split('\n')
			.map((line) => line.trim())
			.filter((line) => line && !line.startsWith('#'))
			.map((line) => line.split(/\s+/));
		const notFound = (path: string) => rules.find(([from]) => matches(from!, path));
		expect(notFound('/en/news/missing/')).toEqual(['/en/*', '/en/404.html', '404']);
		expect(notFound('/news/missing/')).toEqual(['/*', '/404.html', '404']);
		expect(notFound('/english/')).toEqual(['/*', '/404.html', '404']);
	});
});
