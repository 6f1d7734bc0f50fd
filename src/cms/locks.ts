/**
 * The locks in front of decap-server: what may reach the CMS's local backend at all.
 * In: an HTTP request to the API. Out: the request passed on, or refused with 403 and nothing
 * done. Each lock is an express middleware of its own, so each can be read and tested alone.
 *
 * decap-server on its own answers any Host, gives CORS headers to every localhost origin and
 * reads and writes anywhere in its repository (`.git/config` included); see docs/editors.md,
 * "On your own machine".
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The header that carries the per-start secret (admin/lib/backend-token.ts sends it). */
export const TOKEN_HEADER = 'x-newsroom-cms-token';

export type Request = IncomingMessage & { body?: unknown };
export type Middleware = (
	request: Request,
	response: ServerResponse,
	next: (error?: unknown) => void,
) => void;

/** Ends a request with 403 and a short reason, with no CORS headers. */
export function refuse(response: ServerResponse, reason: string): void {
	response.writeHead(403, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
	response.end(JSON.stringify({ error: reason }));
}

/** The backend answers only requests addressed to itself: a DNS-rebinding page names another host. */
export function hostLock(port: () => number): Middleware {
	return (request, response, next) => {
		const hosts = [`127.0.0.1:${port()}`, `localhost:${port()}`];
		if (hosts.includes(request.headers.host ?? '')) return next();
		refuse(response, `unknown host: the CMS's local backend answers only ${hosts.join(' and ')}`);
	};
}

/** The origins of the site that serves /admin/ on `sitePort`: its own two loopback names. */
export function cmsOrigins(sitePort: number): string[] {
	return [`http://127.0.0.1:${sitePort}`, `http://localhost:${sitePort}`];
}

/**
 * Only the CMS's own page may call the backend: every request, preflights included, must come
 * from one of `origins`. A request without an Origin header (no browser sends a cross-origin
 * request without one) is refused too.
 */
export function originLock(origins: string[]): Middleware {
	const allowed = new Set(origins);
	return (request, response, next) => {
		const origin = request.headers.origin;
		if (origin && allowed.has(origin)) {
			// So that the CMS can read a refusal by the locks after this one (decap's CORS comes later).
			response.setHeader('access-control-allow-origin', origin);
			response.setHeader('vary', 'Origin');
			return next();
		}
		refuse(
			response,
			origin ? `origin not allowed: ${origin}` : 'a request to the CMS backend must come from the CMS',
		);
	};
}

/** The second lock: the per-start secret that only the CMS bundle built for this start knows. */
export function tokenLock(token: string): Middleware {
	const expected = Buffer.from(token);
	return (request, response, next) => {
		if (request.method === 'OPTIONS') return next(); // a preflight carries no custom header
		const given = Buffer.from(String(request.headers[TOKEN_HEADER] ?? ''));
		if (given.length === expected.length && timingSafeEqual(given, expected)) return next();
		refuse(
			response,
			'انتهت جلسة المحرّر المحلية: أعد تحميل الصفحة. (missing or wrong CMS token: reload /admin/ from the site that `npm start` serves)',
		);
	};
}
