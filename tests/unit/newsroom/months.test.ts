import { describe, expect, test } from 'vitest';
import { neighbourMonths } from '#src/newsroom/months.ts';

describe('neighbour months', () => {
	const months = ['2026/11', '2026/08', '2022/01'];
	const self = (month: string) => month;

	test('the previous month is the older one with stories, the next the newer one', () => {
		expect(neighbourMonths(months, self, '2026/08')).toEqual({ previous: '2022/01', next: '2026/11' });
	});

	test('the newest month has no next, the oldest no previous', () => {
		expect(neighbourMonths(months, self, '2026/11')).toEqual({ previous: '2026/08', next: undefined });
		expect(neighbourMonths(months, self, '2022/01')).toEqual({ previous: undefined, next: '2026/08' });
	});

	test('an unknown month has neither', () => {
		expect(neighbourMonths(months, self, '2020/01')).toEqual({});
	});
});
