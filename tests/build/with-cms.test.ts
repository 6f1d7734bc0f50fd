import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeSiteCopy } from '../helpers/site-copy.ts';
import { freePort } from '../helpers/serve.ts';

/**
 * `npm run dev` (src/cli/with-cms.ts dev) on a copy of the site: the CMS's local backend starts
 * with the site, on 127.0.0.1, the CMS served at /admin/ talks to it, and both stop together.
 */

let copy: Awaited<ReturnType<typeof makeSiteCopy>>;
beforeAll(async () => {
	copy = await makeSiteCopy();
});
afterAll(() => copy?.remove());

const answers = (url: string, init?: RequestInit) =>
	fetch(url, init).then(
		(response) => response.ok,
		() => false,
	);

test(
	'npm run dev serves the CMS with its local backend, and stopping it stops both',
	{ timeout: 180_000 },
	async () => {
		const [site, cms] = [await freePort(), await freePort()];
		const child = spawn(
			process.execPath,
			[
				'--experimental-strip-types',
				'--disable-warning=ExperimentalWarning',
				join(copy.root, 'src/cli/with-cms.ts'),
				'dev',
			],
			{
				cwd: copy.root,
				env: { ...process.env, PORT: String(site), CMS_PORT: String(cms), ASTRO_TELEMETRY_DISABLED: '1' },
				stdio: 'ignore',
			},
		);
		const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
		try {
			const backend = `http://127.0.0.1:${cms}/api/v1`;
			// The backend answers (with 403: this request is not the CMS's) once it listens.
			const status = () =>
				fetch(backend, { method: 'POST' }).then(
					(response) => response.status,
					() => 0,
				);
			await expect.poll(status, { timeout: 60_000 }).toBe(403);
			await expect.poll(() => answers(`http://127.0.0.1:${site}/admin/`), { timeout: 120_000 }).toBe(true);
			const script = await (await fetch(`http://127.0.0.1:${site}/admin/cms.js`)).text();
			expect(script).toContain(backend);
		} finally {
			child.kill('SIGTERM');
		}
		// Astro ends with 143 (128 + SIGTERM), which the launcher passes on; what matters is that it ended.
		expect([0, 143]).toContain(await exited);
		expect(
			await fetch(`http://127.0.0.1:${cms}/api/v1`, { method: 'POST' }).then(
				() => 'answered',
				() => 'stopped',
			),
		).toBe('stopped');
		expect(await answers(`http://127.0.0.1:${site}/`)).toBe(false);
	},
);
