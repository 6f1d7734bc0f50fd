import { escapeXml as escapeHtml } from '../outputs/xml.ts';

/** The services the site knows how to embed. Which hosts are allowed is configuration (content/settings/embeds.yml). */
export type EmbedProvider = 'youtube' | 'x' | 'vimeo';

export interface Embed {
	provider: EmbedProvider;
	/** The address the reader gave: shown as the fallback link. */
	url: string;
	/** What loads in the frame once the reader asks for it. */
	frameUrl: string;
}

const YOUTUBE_ID = /^[\w-]{11}$/;

/**
 * The embed for a URL, if it points to a video or post on an allowed host; undefined for
 * anything else (which stays a plain link).
 */
export function matchEmbed(href: string, allowedHosts: readonly string[]): Embed | undefined {
	let url: URL;
	try {
		url = new URL(href);
	} catch {
		return undefined;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
	const host = url.hostname.toLowerCase();
	if (!allowedHosts.includes(host)) return undefined;
	const path = url.pathname.split('/').filter(Boolean);

	if (/(^|\.)youtube(-nocookie)?\.com$|^youtu\.be$/.test(host)) {
		const id =
			host === 'youtu.be'
				? path[0]
				: path[0] === 'watch' || path.length === 0
					? url.searchParams.get('v')
					: ['embed', 'shorts', 'live'].includes(path[0]!)
						? path[1]
						: undefined;
		if (!id || !YOUTUBE_ID.test(id)) return undefined;
		return {
			provider: 'youtube',
			url: href,
			frameUrl: `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`,
		};
	}
	if (/(^|\.)(x|twitter)\.com$/.test(host)) {
		const id = path[1] === 'status' ? path[2] : undefined;
		if (!id || !/^\d{1,25}$/.test(id)) return undefined;
		return {
			provider: 'x',
			url: href,
			frameUrl: `https://platform.twitter.com/embed/Tweet.html?id=${id}&dnt=true`,
		};
	}
	if (/(^|\.)vimeo\.com$/.test(host)) {
		const id = host === 'player.vimeo.com' ? path[1] : path[0];
		if (!id || !/^\d{1,15}$/.test(id)) return undefined;
		return {
			provider: 'vimeo',
			url: href,
			frameUrl: `https://player.vimeo.com/video/${id}?autoplay=1&dnt=1`,
		};
	}
	return undefined;
}

/**
 * The document an embed's frame shows before the reader clicks: a play button that is a plain
 * link into the frame. No script, no request to the third party until the click.
 */
export function previewDocument(embed: Embed, label: string, dir: 'rtl' | 'ltr'): string {
	// The stylesheet is a file of the site: a frame's document obeys the page's CSP, which allows no inline style.
	return `<!doctype html><html dir="${dir}"><head><meta charset="utf-8"><link rel="stylesheet" href="/embed-preview.css"></head><body><a href="${escapeHtml(embed.frameUrl)}"><span class="play" aria-hidden="true">▶</span><span>${escapeHtml(label)}</span></a></body></html>`;
}
