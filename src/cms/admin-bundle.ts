/**
 * The CMS's bundle. In: `admin/` (the CMS's entry script, configuration, widgets, styles) and the
 * content it offers as choices. Out: the files of /admin/, bundled with esbuild in a child
 * process (so its memory is not Astro's) and reused while their inputs are unchanged.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AstroIntegrationLogger } from 'astro';
import { build, type BuildOptions } from 'esbuild';
import { cmsOptionsFromEnv, type CmsEnvironment } from '../../admin/backend.ts';
import { readChoices } from '../../admin/choices.ts';
import { adminPage } from '../../admin/page.ts';
import { readEmbedHosts, readYaml } from '../newsroom/content-tree.ts';
import { isMain } from '../deploy/run.ts';

/** Where the CMS lives on the site. */
export const ADMIN_PATH = '/admin/';

/** One file of the admin bundle, with its size. */
export interface AdminFile {
	/** Path under /admin/, e.g. `cms.js`. */
	name: string;
	contents: Uint8Array;
	bytes: number;
	gzipBytes: number;
}

/**
 * Bundles the CMS (`admin/index.ts`), its interface CSS and the preview pane's CSS (the site's own
 * stylesheet and fonts) with esbuild, in memory, plus `index.html`. `env` decides the backend
 * (see `admin/backend.ts`); the local backend is in the bundle only when `env` asks for it.
 */
export async function bundleAdmin(root: string, env: CmsEnvironment = process.env): Promise<AdminFile[]> {
	return (await bundleAdminWithInputs(root, env)).files;
}

/** The site's tags, beside the bundle: the tags widget loads them when it first shows. */
export const TAGS_FILE = 'tags.json';

/**
 * What the bundle is made from beyond its source files: the backend, the forms' sections and
 * authors, the settings; and the articles' tags, which are not in the bundle but in `tags.json`,
 * so that a new tag (most new articles) does not make the CMS be bundled again. `tagCache`:
 * where the articles' tags are kept between builds (see `readChoices`).
 */
function bundleData(root: string, env: CmsEnvironment, tagCache?: string) {
	const settings = readYaml(join(root, 'content/settings/site.yml')) as {
		timeZone: string;
		name: { ar: string };
		digits?: 'latn' | 'arab';
	};
	const { tags, ...choices } = readChoices(root, { tagCache });
	const injected = {
		options: cmsOptionsFromEnv(env),
		choices,
		tagsUrl: `${ADMIN_PATH}${TAGS_FILE}`,
		timeZone: settings.timeZone,
		digits: settings.digits ?? 'latn',
		embedHosts: readEmbedHosts(join(root, 'content')),
		previewStyle: `${ADMIN_PATH}preview.css`,
	};
	return { settings, injected, tags: new TextEncoder().encode(JSON.stringify(tags)) };
}

/** The bundle, and the files esbuild read for it (paths from `root`). */
async function bundleAdminWithInputs(
	root: string,
	env: CmsEnvironment,
	{ settings, injected, tags } = bundleData(root, env),
): Promise<{ files: AdminFile[]; inputs: string[] }> {
	const options: BuildOptions = {
		absWorkingDir: root,
		entryPoints: [
			{ in: 'admin/index.ts', out: 'cms' },
			{ in: 'admin/styles/admin.css', out: 'admin' },
			{ in: 'admin/styles/preview.css', out: 'preview' },
		],
		outdir: 'admin-out',
		bundle: true,
		minify: true,
		format: 'iife',
		target: 'es2022',
		platform: 'browser',
		write: false,
		metafile: true,
		legalComments: 'none',
		logLevel: 'silent',
		assetNames: 'fonts/[name]-[hash]',
		loader: { '.woff2': 'file', '.woff': 'file' },
		define: {
			'process.env.NODE_ENV': '"production"',
			// Decap's dependencies expect Node's `global` (decap.md: "global is not defined").
			global: 'globalThis',
			NEWSROOM_CMS: JSON.stringify(injected),
		},
	};
	let result;
	try {
		result = await build(options);
	} catch (cause) {
		throw new Error('could not bundle the CMS (admin/index.ts)', { cause });
	}
	if (result.errors.length > 0)
		throw new Error('could not bundle the CMS (admin/index.ts)', { cause: result.errors });
	const outdir = join(root, 'admin-out');
	const files = (result.outputFiles ?? []).map((file) =>
		withSizes(relative(outdir, file.path), file.contents),
	);
	const html = adminPage({
		title: `غرفة التحرير | ${settings.name.ar}`,
		script: `${ADMIN_PATH}cms.js`,
		style: `${ADMIN_PATH}admin.css`,
	});
	files.push(withSizes('index.html', new TextEncoder().encode(html)), withSizes(TAGS_FILE, tags));
	return { files, inputs: Object.keys(result.metafile?.inputs ?? {}) };
}

/**
 * A key for one bundle: the injected data and the bytes of every file esbuild read, so a build
 * whose CMS inputs did not change reuses the last bundle (bundling takes seconds of CPU). Bytes,
 * not times: a deploy checks each commit out afresh, which gives every source file a new time
 * (3,155 files, 22 MB, about 0.2 s to read).
 */
function bundleKey(
	root: string,
	injected: ReturnType<typeof bundleData>['injected'],
	inputs: string[],
): string {
	const hash = createHash('sha256').update(JSON.stringify(injected));
	for (const input of inputs) {
		const path = join(root, input.replace(/^[a-z]+:/, ''));
		hash.update(`${input}\0`);
		hash.update(existsSync(path) ? readFileSync(path) : '-');
		hash.update('\0');
	}
	return hash.digest('hex');
}

/** The child's work: reuse `folder` when its key still holds, otherwise bundle into it. */
async function bundleIntoFolder(root: string, folder: string): Promise<void> {
	const keyFile = join(folder, '..', 'admin-bundle.key.json');
	const last = existsSync(keyFile)
		? (JSON.parse(readFileSync(keyFile, 'utf8')) as { key: string; inputs: string[] })
		: undefined;
	// Read once: reading the choices means reading every article's tags.
	const data = bundleData(root, process.env, join(folder, '..', 'cms-tags.json'));
	if (last && existsSync(folder) && bundleKey(root, data.injected, last.inputs) === last.key) {
		const tags = join(folder, TAGS_FILE);
		if (!existsSync(tags) || !readFileSync(tags).equals(data.tags)) await writeFile(tags, data.tags);
		return;
	}
	await rm(keyFile, { force: true });
	await rm(folder, { recursive: true, force: true });
	const { files, inputs } = await bundleAdminWithInputs(root, process.env, data);
	for (const file of files) {
		await mkdir(join(folder, file.name, '..'), { recursive: true });
		await writeFile(join(folder, file.name), file.contents);
	}
	await writeFile(keyFile, JSON.stringify({ key: bundleKey(root, data.injected, inputs), inputs }));
}

export function withSizes(name: string, contents: Uint8Array): AdminFile {
	return { name, contents, bytes: contents.byteLength, gzipBytes: gzipSync(contents).byteLength };
}

/** "5.4 MB" for logs. */
export function formatBytes(bytes: number): string {
	return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;
}

/** Writes the bundle to `dir` and logs what it wrote and how long bundling took. */
export async function writeAdmin(
	bundling: Promise<{ files: AdminFile[]; ms: number }>,
	root: string,
	dir: string,
	logger: AstroIntegrationLogger,
) {
	const { files, ms } = await bundling;
	for (const file of files) {
		const target = join(dir, file.name);
		await mkdir(join(target, '..'), { recursive: true });
		await writeFile(target, file.contents);
	}
	const script = files.find((file) => file.name === 'cms.js')!;
	const total = files.reduce((sum, file) => sum + file.bytes, 0);
	logger.info(
		`admin bundle: cms.js ${formatBytes(script.bytes)} (${formatBytes(script.gzipBytes)} gzipped), ` +
			`${files.length} files ${formatBytes(total)} in ${relative(root, dir)}/, bundled in ${Math.round(ms)} ms beside the build`,
	);
	if (cmsOptionsFromEnv(process.env).localBackend)
		logger.warn('the CMS is built for the local backend (NEWSROOM_CMS_LOCAL is set): not for production');
}

/**
 * Bundles the CMS in a child Node process that writes the files into `folder` and exits, so
 * esbuild's service ends with it: in the build's own process it held its memory to the end of
 * the build (see docs/performance.md), and stopping it there could cut off another user of the
 * same service.
 */
export function bundleInChild(root: string, folder: string): Promise<AdminFile[]> {
	return new Promise((resolve, reject) => {
		const script = join(root, 'src/cms/admin-bundle.ts');
		const child = spawn(
			process.execPath,
			['--experimental-strip-types', '--disable-warning=ExperimentalWarning', script, root, folder],
			{
				stdio: ['ignore', 'ignore', 'pipe'],
			},
		);
		let errors = '';
		child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
		child.on('error', reject);
		child.on('close', async (code) => {
			if (code !== 0) return reject(new Error(`could not bundle the CMS (admin/index.ts): ${errors.trim()}`));
			try {
				const names = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) =>
					entry.isFile(),
				);
				resolve(
					await Promise.all(
						names.map(async (entry) => {
							const path = join(entry.parentPath, entry.name);
							return withSizes(relative(folder, path), new Uint8Array(await readFile(path)));
						}),
					),
				);
			} catch (error) {
				reject(error instanceof Error ? error : new Error(String(error)));
			}
		});
	});
}

/** The child of `bundleInChild`: `src/cms/admin-bundle.ts <root> <folder>`. */
if (isMain(import.meta.url)) {
	const [root = process.cwd(), folder = 'admin-out'] = process.argv.slice(2);
	await bundleIntoFolder(root, folder);
}
