import { describe, expect, test } from 'vitest';
import { inOrder, lastModified } from '#src/newsroom/changes.ts';

const at = (iso: string) => new Date(iso);

describe('corrections', () => {
	test('are shown in the order they were made, whatever the order in the file', () => {
		const corrections = [
			{ date: at('2026-11-20T09:00:00Z'), text: 'second' },
			{ date: at('2026-11-19T15:00:00Z'), text: 'first' },
		];
		expect(inOrder(corrections).map((correction) => correction.text)).toEqual(['first', 'second']);
		expect(corrections[0]!.text).toBe('second');
	});

	test('the last correction is the article’s last change, unless an update is later', () => {
		const date = at('2026-11-19T11:30:00Z');
		const corrections = [{ date: at('2026-11-19T15:05:00Z'), text: 'x' }];
		expect(lastModified({ date, corrections: [] })).toEqual(date);
		expect(lastModified({ date, corrections })).toEqual(at('2026-11-19T15:05:00Z'));
		expect(lastModified({ date, updated: at('2026-11-21T08:00:00Z'), corrections })).toEqual(
			at('2026-11-21T08:00:00Z'),
		);
	});

	test('a live page changes with its newest update', () => {
		const date = at('2026-11-29T04:00:00Z');
		expect(
			lastModified({
				date,
				corrections: [],
				live: { updates: [{ date: at('2026-11-29T16:05:00Z') }, { date: at('2026-11-29T10:00:00Z') }] },
			}),
		).toEqual(at('2026-11-29T16:05:00Z'));
	});
});
