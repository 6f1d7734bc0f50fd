// The ES module build: the package's main file is a browser bundle that needs `window`.
import en from 'decap-cms-locales/dist/esm/en/index.js';
import { describe, expect, test } from 'vitest';
import ar from '../../../admin/locales/ar.ts';

/** Every key of a nested phrases object, dotted. */
function keys(phrases: object, prefix = ''): string[] {
	return Object.entries(phrases).flatMap(([key, value]) =>
		typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
	);
}

/** Every phrase, with its key. */
function phrases(object: object, prefix = ''): [string, string][] {
	return Object.entries(object).flatMap(([key, value]) =>
		typeof value === 'object' && value !== null
			? phrases(value, `${prefix}${key}.`)
			: [[`${prefix}${key}`, String(value)] as [string, string]],
	);
}

describe("the CMS's Arabic interface", () => {
	test("covers exactly the keys of Decap's English locale", () => {
		expect(keys(ar).sort()).toEqual(keys(en).sort());
	});

	test('keeps every %{placeholder} of the English phrase', () => {
		const english = new Map(phrases(en));
		for (const [key, text] of phrases(ar)) {
			const wanted = (english.get(key)!.match(/%\{\w+\}/g) ?? []).sort();
			expect([...new Set(text.match(/%\{\w+\}/g) ?? [])].sort(), key).toEqual([...new Set(wanted)]);
		}
	});

	test('is written in Arabic, apart from a date pattern', () => {
		const untranslated = phrases(ar).filter(
			([, text]) => text.replace(/%\{\w+\}/g, '').trim() !== '' && !/\p{Script=Arabic}/u.test(text),
		);
		expect(untranslated.map(([key]) => key)).toEqual(['workflow.workflow.dateFormat']);
	});

	test('gives plurals the six forms of Arabic', () => {
		for (const [key, text] of phrases(ar).filter(([, text]) => text.includes('||||')))
			expect(text.split('||||'), key).toHaveLength(6);
	});
});
