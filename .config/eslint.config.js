// ESLint for the TypeScript and Astro sources: the recommended rules of ESLint, typescript-eslint
// and eslint-plugin-astro. Run by `npm run lint` (and so by `npm test`).
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{
		ignores: [
			'dist/',
			'.astro/',
			'.tools/',
			'node_modules/',
			'test-results/',
			'.dist-next/',
			'.dist-previous/',
		],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	...astro.configs.recommended,
	{
		languageOptions: { globals: { ...globals.node, ...globals.browser } },
		rules: {
			// `_name` marks a value taken apart on purpose (destructuring to leave a field out).
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
			],
		},
	},
	{
		// Shipped code never depends on tests or tools: they may import it, not the other way.
		files: ['src/**', 'admin/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['**/tests/**', '**/tools/**'],
							message: 'src/ and admin/ do not import tests/ or tools/.',
						},
					],
				},
			],
		},
	},
);
