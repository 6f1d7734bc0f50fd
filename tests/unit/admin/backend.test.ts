import { describe, expect, test } from 'vitest';
import { backendConfig, cmsOptionsFromEnv } from '../../../admin/backend.ts';
import { cmsConfig } from '../../../admin/config.ts';

describe("the CMS's backend", () => {
	test('a build without NEWSROOM_CMS_LOCAL has no local backend, whatever else is set', () => {
		for (const env of [
			{},
			{ NODE_ENV: 'development' },
			{ NEWSROOM_CMS_MODE: 'git' },
			{ CMS_BACKEND: 'gitlab' },
		]) {
			const config = cmsConfig(cmsOptionsFromEnv(env));
			expect(config).not.toHaveProperty('local_backend');
			expect(JSON.stringify(config)).not.toContain('127.0.0.1');
		}
	});

	test('NEWSROOM_CMS_LOCAL switches the local backend on, for that URL only', () => {
		const config = cmsConfig(cmsOptionsFromEnv({ NEWSROOM_CMS_LOCAL: 'http://127.0.0.1:8081/api/v1' }));
		expect(config.local_backend).toEqual({
			url: 'http://127.0.0.1:8081/api/v1',
			allowed_hosts: ['127.0.0.1', 'localhost'],
		});
		expect(config.publish_mode).toBe('simple');
		expect(
			cmsConfig(
				cmsOptionsFromEnv({ NEWSROOM_CMS_LOCAL: 'http://127.0.0.1:8081/api/v1', NEWSROOM_CMS_MODE: 'git' }),
			).publish_mode,
		).toBe('editorial_workflow');
	});

	test('GitHub logs in through the OAuth endpoint given, with the editorial workflow', () => {
		expect(
			backendConfig(
				cmsOptionsFromEnv({ CMS_REPO: 'alwasat/site', CMS_AUTH_URL: 'https://auth.example.org' }),
			),
		).toEqual({
			backend: {
				name: 'github',
				repo: 'alwasat/site',
				branch: 'main',
				base_url: 'https://auth.example.org',
				auth_endpoint: 'auth',
			},
			publish_mode: 'editorial_workflow',
		});
	});

	test.each([
		['gitlab', 'editorial_workflow'],
		['forgejo', 'editorial_workflow'],
		['gitea', 'simple'],
	])('%s logs in with PKCE (no auth server), publish mode %s', (name, mode) => {
		const { backend, publish_mode } = backendConfig(
			cmsOptionsFromEnv({
				CMS_BACKEND: name,
				CMS_REPO: 'newsroom/site',
				CMS_APP_ID: 'abc123',
				CMS_API_ROOT: 'https://git.example.org/api/v1',
				CMS_HOST_URL: 'https://git.example.org',
			}),
		);
		expect(backend).toEqual({
			name,
			repo: 'newsroom/site',
			branch: 'main',
			auth_type: 'pkce',
			app_id: 'abc123',
			api_root: 'https://git.example.org/api/v1',
			base_url: 'https://git.example.org',
		});
		expect(publish_mode).toBe(mode);
	});

	test('an unknown backend is refused', () => {
		expect(() => cmsOptionsFromEnv({ CMS_BACKEND: 'svn' })).toThrow(
			/CMS_BACKEND must be one of github, gitlab, gitea, forgejo/,
		);
	});
});
