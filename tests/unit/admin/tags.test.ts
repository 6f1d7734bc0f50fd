import { describe, expect, test } from 'vitest';
import { addTags, matchingTags } from '../../../admin/lib/tags.ts';

describe('tags typed into one box', () => {
	test('a Latin or Arabic comma separates tags; blanks and repeats are dropped', () => {
		expect(addTags(['الموازنة'], ' البرلمان ،  الموازنة, وزارة  المالية ,')).toEqual([
			'الموازنة',
			'البرلمان',
			'وزارة المالية',
		]);
		expect(addTags([], '  ')).toEqual([]);
	});

	test('suggestions: the site’s tags that start with the text first, then those containing it, hamza forms alike', () => {
		const known = ['كرة القدم', 'الكرة الطائرة', 'إسرائيل', 'الموازنة العامة'];
		expect(matchingTags(known, 'كرة', [])).toEqual(['كرة القدم', 'الكرة الطائرة']);
		expect(matchingTags(known, 'اسرائيل', [])).toEqual(['إسرائيل']);
		expect(matchingTags(known, 'كرة', ['كرة القدم'])).toEqual(['الكرة الطائرة']);
		expect(matchingTags(known, '', [])).toEqual([]);
	});
});
