import { describe, expect, test } from 'vitest';
import { codeOrigin, summariseProfile, type CpuProfile } from '../../../tools/bench/cpu-profile.ts';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });

/** root → build (astro) → check (ours) → parse (gray-matter); and root → (garbage collector). */
const profile: CpuProfile = {
	nodes: [
		{ id: 1, callFrame: frame('(root)'), children: [2, 5] },
		{
			id: 2,
			callFrame: frame('build', 'file:///site/node_modules/astro/dist/core/build/index.js', 9),
			children: [3],
		},
		{ id: 3, callFrame: frame('checkContent', 'file:///site/src/newsroom/check.ts', 40), children: [4] },
		{ id: 4, callFrame: frame('matter', 'file:///site/node_modules/gray-matter/index.js') },
		{ id: 5, callFrame: frame('(garbage collector)') },
	],
	// A sample's time is the gap to the next one: 2 ms in build, 3 in check, 4 in matter, 1 in GC.
	samples: [2, 3, 4, 5, 4],
	timeDeltas: [0, 2000, 3000, 4000, 1000],
};

describe('the CPU profile summary', () => {
	const summary = summariseProfile(profile, { root: '/site' });

	test('counts self time by function, package and file', () => {
		expect(summary.sampledMs).toBe(10);
		expect(summary.functions.map((item) => [item.name, item.ms])).toEqual([
			['matter gray-matter/index.js:1', 4],
			['checkContent src/newsroom/check.ts:41', 3],
			['build astro/dist/core/build/index.js:10', 2],
			['(garbage collector)', 1],
		]);
		expect(summary.packages.map((item) => [item.name, item.ms, item.share])).toEqual([
			['gray-matter', 4, 0.4],
			['src/newsroom/', 3, 0.3],
			['astro', 2, 0.2],
			['(garbage collector)', 1, 0.1],
		]);
		expect(summary.process).toBe('Astro (astro build)');
	});

	test("gives the project's own functions their total time, callees included", () => {
		expect(summary.ownCode.map((item) => [item.name, item.ms])).toEqual([
			['checkContent src/newsroom/check.ts:41', 7],
		]);
	});

	test('names where code comes from', () => {
		expect(codeOrigin('file:///a/node_modules/@astrojs/sitemap/dist/x.js', 'f').origin).toBe(
			'@astrojs/sitemap',
		);
		expect(codeOrigin('node:fs', 'readFileSync')).toMatchObject({ origin: 'node', own: false });
		expect(codeOrigin('wasm://wasm/1', 'f')).toMatchObject({ origin: 'wasm', own: false });
		expect(codeOrigin('', 'stat')).toMatchObject({ origin: '(native)', own: false });
		expect(codeOrigin('file:///site/admin/choices.ts', 'readTags', '/site')).toMatchObject({
			origin: 'admin/',
			file: 'admin/choices.ts',
			own: true,
		});
	});
});
