/** A network a reader can share a story on, with a plain link: no third-party script loads. */
export interface ShareLink {
	network: 'x' | 'facebook' | 'whatsapp' | 'telegram' | 'email';
	href: string;
}

/** Share links for an absolute article URL and its headline. */
export function shareLinks(url: string, title: string): ShareLink[] {
	const u = encodeURIComponent(url);
	const text = encodeURIComponent(title);
	return [
		{ network: 'x', href: `https://x.com/intent/post?url=${u}&text=${text}` },
		{ network: 'facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
		{ network: 'whatsapp', href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
		{ network: 'telegram', href: `https://t.me/share/url?url=${u}&text=${text}` },
		{ network: 'email', href: `mailto:?subject=${text}&body=${u}` },
	];
}

/** The networks the dictionaries name in each language. */
const NAMED_NETWORKS = new Set(['x', 'facebook', 'whatsapp', 'telegram']);

/**
 * The dictionary key naming a social account's network in the page's language ("فيسبوك" on
 * Arabic pages), from the name in the settings; undefined for a network the dictionaries do
 * not know, which is then shown as written.
 */
export function socialLabel(name: string): `share.${ShareLink['network']}` | undefined {
	const key = name.trim().toLowerCase();
	return NAMED_NETWORKS.has(key) ? (`share.${key}` as `share.${ShareLink['network']}`) : undefined;
}
