import type { APIRoute } from 'astro';
import { loadNewsroom } from '../../newsroom/newsroom.ts';
import { langParam, localeCodes, localeFromParam, locales } from '../../i18n/locales.ts';
import { homeUrl } from '../../site/urls.ts';

export function getStaticPaths() {
	return localeCodes.map((locale) => ({ params: { lang: langParam(locale) } }));
}

/** The web app manifest of a language: its name, direction and start page. */
export const GET: APIRoute = async ({ params }) => {
	const locale = localeFromParam(params.lang);
	const { settings } = await loadNewsroom();
	const manifest = {
		name: settings.name[locale],
		short_name: settings.name[locale],
		description: settings.tagline[locale],
		lang: locales[locale].lang,
		dir: locales[locale].dir,
		start_url: homeUrl(locale),
		scope: homeUrl(locale),
		display: 'browser',
		background_color: '#ffffff',
		theme_color: '#a3161a',
		icons: [
			{ src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
			{ src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
			{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
		],
	};
	return new Response(JSON.stringify(manifest, null, '\t'), {
		headers: { 'Content-Type': 'application/manifest+json' },
	});
};
