import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
		// Build tests run the real `astro build`; two at a time is what this two-core machine holds.
		maxWorkers: 2,
		testTimeout: 120_000,
		// Build tests build a site copy in `beforeAll`, and every build now bundles the CMS too.
		hookTimeout: 120_000,
	},
});
