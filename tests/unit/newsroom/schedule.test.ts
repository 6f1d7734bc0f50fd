import { describe, expect, test } from 'vitest';
import { becameDue, nextDue, timingOf, type Timing } from '#src/newsroom/schedule.ts';

const at = (iso: string) => new Date(iso);

describe('scheduled articles', () => {
	test('the date and draft flag are read from the front matter, quoted or not, with comments', () => {
		expect(
			timingOf("---\ntitle: 'x'\ndate: '2027-01-01T06:00:00+03:00'\ndraft: true\n---\nbody\ndate: no"),
		).toEqual({
			date: at('2027-01-01T03:00:00Z'),
			draft: true,
		});
		expect(timingOf('---\ndate: 2027-01-01T06:00:00Z # embargo\n---\n')).toEqual({
			date: at('2027-01-01T06:00:00Z'),
			draft: false,
		});
		// A nested `date:` (a correction's, a live update's) is not the article's.
		expect(timingOf("---\ncorrections:\n  - date: '2027-01-02T00:00:00Z'\n---\n")).toEqual({ draft: false });
		expect(timingOf('no front matter')).toEqual({ draft: false });
	});

	const timings: Timing[] = [
		{ file: 'a.md', date: at('2027-01-01T06:00:00Z'), draft: false },
		{ file: 'b.md', date: at('2027-01-01T05:00:00Z'), draft: true },
		{ file: 'c.md', date: at('2027-01-01T07:30:00Z'), draft: false },
		{ file: 'd.md', date: at('2026-12-31T10:00:00Z'), draft: false },
	];

	test('the next due time is the earliest future article that is not a draft', () => {
		expect(nextDue(timings, at('2027-01-01T00:00:00Z'))).toEqual(at('2027-01-01T06:00:00Z'));
		expect(nextDue(timings, at('2027-01-01T06:00:00Z'))).toEqual(at('2027-01-01T07:30:00Z'));
		expect(nextDue(timings, at('2027-01-02T00:00:00Z'))).toBeUndefined();
	});

	test('a build is needed when an article became due since the last one', () => {
		const since = at('2027-01-01T05:55:00Z');
		expect(becameDue(timings, since, at('2027-01-01T05:59:00Z'))).toEqual([]);
		expect(becameDue(timings, since, at('2027-01-01T06:00:00Z')).map((t) => t.file)).toEqual(['a.md']);
		// Due at the last build itself: that build had it.
		expect(becameDue(timings, at('2027-01-01T06:00:00Z'), at('2027-01-01T06:10:00Z'))).toEqual([]);
	});
});
