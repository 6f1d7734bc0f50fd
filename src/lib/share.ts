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
