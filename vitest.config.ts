import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
		// Build tests run the real `astro build`; two at a time is what this two-core machine holds.
		maxWorkers: 2,
		testTimeout: 120_000,
		// Build tests build the site in beforeAll, which now also writes the search index.
		hookTimeout: 120_000,
	},
});
