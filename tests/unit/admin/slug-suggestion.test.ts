import { Map as ImmutableMap, fromJS } from 'immutable';
import { describe, expect, test } from 'vitest';
import { suggestSlug } from '../../../admin/lib/slug-suggestion.ts';

const entry = (data: object) => fromJS(data) as ImmutableMap<string, unknown>;

describe('the slug a headline suggests', () => {
	test('is the English headline’s words when there is one', () => {
		const draft = entry({
			data: { title: 'وزير المالية' },
			i18n: { en: { data: { title: 'Finance Minister AI Budget 2027' } } },
		});
		expect(suggestSlug(draft)).toBe('finance-minister-ai-budget-2027');
	});

	test('is the Arabic headline transliterated otherwise, and nothing before a headline', () => {
		expect(suggestSlug(entry({ data: { title: 'وزير المالية' } }))).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
		expect(suggestSlug(entry({ data: { title: 'وزير المالية' } }))).not.toBe('');
		expect(suggestSlug(entry({ data: {} }))).toBe('');
		expect(suggestSlug(undefined)).toBe('');
	});
});
