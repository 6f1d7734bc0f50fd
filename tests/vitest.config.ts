import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		// Paths below are from the project's root, where this file's folder is tests/.
		root: fileURLToPath(new URL('..', import.meta.url)),
		include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts', 'tests/deploy/**/*.test.ts'],
		// Build tests run the real `astro build`; two at a time is what this two-core machine holds.
		maxWorkers: 2,
		testTimeout: 120_000,
		// Build tests build in beforeAll; with the deploy tests building beside them, a build can
		// take well over vitest's default 10 s for hooks on this machine.
		hookTimeout: 300_000,
	},
});
