/** The header the CMS's local backend requires (src/cms/locks.ts, `TOKEN_HEADER`). */
const TOKEN_HEADER = 'x-newsroom-cms-token';

/**
 * Adds the local backend's per-start secret to every request the CMS makes to it. Decap's proxy
 * backend has no setting for headers, so `fetch` is wrapped for that one URL only.
 */
export function sendBackendToken(url: string, token: string, target: { fetch: typeof fetch } = window): void {
	const plain = target.fetch.bind(target);
	target.fetch = (input, init) => {
		const address = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
		if (address !== url) return plain(input, init);
		const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
		headers.set(TOKEN_HEADER, token);
		return plain(input, { ...init, headers });
	};
}
