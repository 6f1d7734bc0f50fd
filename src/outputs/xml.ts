/** Escapes text for element content and attribute values, in XML and in HTML alike. */
export function escapeXml(text: string): string {
	return text.replace(
		/[<>&'"]/g,
		(char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char]!,
	);
}

/**
 * Makes the site-relative URLs of an HTML fragment absolute (href, src and srcset), for feed
 * readers, which show an article away from the site.
 */
export function absolutizeHtml(html: string, site: string): string {
	const absolute = (path: string) => new URL(path, site).href;
	return html
		.replace(/\b(href|src)="(\/[^"]*)"/g, (_, name: string, path: string) => `${name}="${absolute(path)}"`)
		.replace(
			/\bsrcset="([^"]*)"/g,
			(_, set: string) =>
				`srcset="${set
					.split(',')
					.map((candidate) => candidate.trim().replace(/^\/\S*/, (path) => absolute(path)))
					.join(', ')}"`,
		);
}
