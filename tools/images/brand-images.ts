/**
 * Draws the site's icons, logo and default social images with Chromium, in the site's own
 * fonts, from the name and tagline in content/settings/site.yml. Run after renaming the site:
 *   node --experimental-strip-types tools/images/brand-images.ts
 * The PNGs are committed under public/; nothing here runs during a build.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../chromium.ts';
import { readYaml } from '../../src/newsroom/content-tree.ts';

const root = resolve(import.meta.dirname, '../..');
const settings = readYaml(resolve(root, 'content/settings/site.yml')) as {
	name: { ar: string; en: string };
	tagline: { ar: string; en: string };
};
// Fonts go in as data URLs: a page set from a string may not load file: URLs.
const font = (file: string) =>
	`data:font/woff2;base64,${readFileSync(resolve(root, 'node_modules', file)).toString('base64')}`;
const fonts = `
@font-face { font-family: Naskh; font-weight: 700; src: url(${font('@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2')}); }
@font-face { font-family: Naskh; font-weight: 400; src: url(${font('@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2')}); }
@font-face { font-family: Serif; font-weight: 100 900; src: url(${font('@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2')}); }
body { margin: 0; font-family: Serif, Naskh; }`;
const red = '#a3161a';

/** A square icon: the first letter of the Arabic name, after the article «ال», in white on red. */
const icon = (
	size: number,
) => `<div style="width:${size}px;height:${size}px;background:${red};display:grid;place-items:center;border-radius:${size / 6}px">
	<span style="font-family:Naskh;font-weight:700;color:#fff;font-size:${size * 0.62}px;line-height:1;transform:translateY(-${size * 0.04}px)">${settings.name.ar.replace(/^ال/, '').at(0)}</span></div>`;

const social = (
	lang: 'ar' | 'en',
) => `<div dir="${lang === 'ar' ? 'rtl' : 'ltr'}" lang="${lang}" style="width:1200px;height:630px;box-sizing:border-box;padding:80px;background:#fff;border-block-start:24px solid ${red};display:flex;flex-direction:column;justify-content:center;gap:24px;font-family:${lang === 'ar' ? 'Naskh, Serif' : 'Serif, Naskh'}">
	<div style="font-size:150px;font-weight:700;line-height:1.2;color:#16181d">${settings.name[lang]}</div>
	<div style="font-size:46px;line-height:1.5;color:#50555f">${settings.tagline[lang]}</div></div>`;

const logo = `<div dir="rtl" style="width:600px;height:60px;display:flex;align-items:center;gap:16px;background:#fff">
	${icon(60)}<span style="font-family:Naskh;font-weight:700;font-size:44px;line-height:1;color:#16181d">${settings.name.ar}</span>
	<span style="font-family:Serif;font-weight:700;font-size:34px;color:#50555f">${settings.name.en}</span></div>`;

const images: { file: string; width: number; height: number; html: string; transparent?: boolean }[] = [
	{ file: 'favicon-32.png', width: 32, height: 32, html: icon(32), transparent: true },
	{
		file: 'apple-touch-icon.png',
		width: 180,
		height: 180,
		html: icon(180).replace(/border-radius:[^;]+;/, ''),
	},
	{ file: 'icon-192.png', width: 192, height: 192, html: icon(192), transparent: true },
	{ file: 'icon-512.png', width: 512, height: 512, html: icon(512), transparent: true },
	{ file: 'logo.png', width: 600, height: 60, html: logo },
	{ file: 'social/ar.png', width: 1200, height: 630, html: social('ar') },
	{ file: 'social/en.png', width: 1200, height: 630, html: social('en') },
];

const browser = await chromium.launch({
	executablePath: chromiumPath,
	args: chromiumArgs,
});
try {
	await mkdir(resolve(root, 'public/social'), { recursive: true });
	for (const image of images) {
		const page = await browser.newPage({ viewport: { width: image.width, height: image.height } });
		await page.setContent(`<!doctype html><meta charset="utf-8"><style>${fonts}</style>${image.html}`);
		await page.evaluate(() => document.fonts.ready);
		await page.screenshot({
			path: resolve(root, 'public', image.file),
			omitBackground: image.transparent ?? false,
		});
		await page.close();
		console.log(`wrote public/${image.file}`);
	}
} finally {
	await browser.close();
}
