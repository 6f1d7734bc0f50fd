import type { CmsBackend, CmsConfig } from 'decap-cms-core';

/** Git hosts the newsroom can publish through. */
export const BACKENDS = ['github', 'gitlab', 'gitea', 'forgejo'] as const;
export type BackendName = (typeof BACKENDS)[number];

/**
 * Where the CMS saves, decided when the admin bundle is built. Everything but `localBackend`
 * comes from `CMS_*` environment variables (see docs/editors.md, "In production").
 */
export interface CmsOptions {
	/** The production git host. Default: github. */
	backend: BackendName;
	/** `owner/name` of the site's repository. */
	repo: string;
	/** The branch the site is built from. Default: main. */
	branch: string;
	/** GitHub: the OAuth code-exchange endpoint's origin (the small auth server GitHub needs). */
	baseUrl?: string;
	/** GitHub: its path on `baseUrl`. Default: auth. */
	authEndpoint?: string;
	/** GitLab, Gitea, Forgejo: the OAuth application's client id (PKCE, no auth server). */
	appId?: string;
	/** Self-hosted GitLab, Gitea or Forgejo: the API root, e.g. https://git.example.org/api/v1. */
	apiRoot?: string;
	/** Self-hosted GitLab, Gitea or Forgejo: the host's web address, for the login window. */
	hostUrl?: string;
	/**
	 * The local decap-server: its API URL, whether it commits, and the per-start secret the CMS
	 * sends with every request (`admin/lib/backend-token.ts`). Only development and `npm start`
	 * set it; never production.
	 */
	localBackend?: { url: string; git: boolean; token?: string };
}

/** Environment variables the admin bundle reads. */
export type CmsEnvironment = Partial<Record<string, string>>;

/** Editorial workflow (draft, in review, ready) where the host has it: not on Gitea (decap-cms #7115). */
export function hasEditorialWorkflow(backend: BackendName): boolean {
	return backend !== 'gitea';
}

/**
 * The CMS options from the environment. The local backend is switched on only by
 * `NEWSROOM_CMS_LOCAL` (the URL of the local server), which `npm run dev`, `npm start` and
 * `npm run cms:git` set; a plain `npm run build` never has it.
 */
export function cmsOptionsFromEnv(env: CmsEnvironment): CmsOptions {
	const backend = (env.CMS_BACKEND ?? 'github') as BackendName;
	if (!BACKENDS.includes(backend))
		throw new Error(`CMS_BACKEND must be one of ${BACKENDS.join(', ')} (got "${backend}")`);
	const options: CmsOptions = {
		backend,
		repo: env.CMS_REPO ?? 'newsroom/newsroom',
		branch: env.CMS_BRANCH ?? 'main',
	};
	if (env.CMS_AUTH_URL) options.baseUrl = env.CMS_AUTH_URL;
	if (env.CMS_AUTH_ENDPOINT) options.authEndpoint = env.CMS_AUTH_ENDPOINT;
	if (env.CMS_APP_ID) options.appId = env.CMS_APP_ID;
	if (env.CMS_API_ROOT) options.apiRoot = env.CMS_API_ROOT;
	if (env.CMS_HOST_URL) options.hostUrl = env.CMS_HOST_URL;
	if (env.NEWSROOM_CMS_LOCAL)
		options.localBackend = {
			url: env.NEWSROOM_CMS_LOCAL,
			git: env.NEWSROOM_CMS_MODE === 'git',
			token: env.NEWSROOM_CMS_TOKEN,
		};
	return options;
}

/** The `backend`, `publish_mode` and (locally only) `local_backend` parts of Decap's configuration. */
export function backendConfig(
	options: CmsOptions,
): Pick<CmsConfig, 'backend' | 'publish_mode' | 'local_backend'> {
	const backend: CmsBackend = { name: options.backend, repo: options.repo, branch: options.branch };
	if (options.backend === 'github') {
		if (options.baseUrl) backend.base_url = options.baseUrl;
		backend.auth_endpoint = options.authEndpoint ?? 'auth';
	} else {
		// GitLab, Gitea and Forgejo log in from the browser with PKCE: no auth server to run.
		backend.auth_type = 'pkce';
		if (options.appId) backend.app_id = options.appId;
		if (options.apiRoot) backend.api_root = options.apiRoot;
		if (options.hostUrl) backend.base_url = options.hostUrl;
	}
	if (options.localBackend) {
		// decap-server's fs mode has no editorial workflow; its git mode has.
		return {
			backend,
			publish_mode: options.localBackend.git ? 'editorial_workflow' : 'simple',
			local_backend: { url: options.localBackend.url, allowed_hosts: ['127.0.0.1', 'localhost'] },
		};
	}
	return { backend, publish_mode: hasEditorialWorkflow(options.backend) ? 'editorial_workflow' : 'simple' };
}
