import { describe, expect, test } from 'vitest';
import {
	isRunning,
	lastUpdate,
	liveProblems,
	newestFirst,
	renderedUpdates,
	updateAnchor,
} from '#src/newsroom/live.ts';

const at = (iso: string) => new Date(iso);
const update = (iso: string, extra: { title?: string; key?: boolean; body?: string } = {}) => ({
	date: at(iso),
	body: extra.body ?? 'نص التحديث.',
	key: extra.key ?? false,
	...(extra.title ? { title: extra.title } : {}),
});

describe('live pages', () => {
	test('updates read newest first, whatever their order in the file', () => {
		const updates = [
			update('2026-11-29T07:00:00Z'),
			update('2026-11-29T16:05:00Z'),
			update('2026-11-29T10:30:00Z'),
		];
		expect(newestFirst(updates).map((u) => u.date.toISOString())).toEqual([
			'2026-11-29T16:05:00.000Z',
			'2026-11-29T10:30:00.000Z',
			'2026-11-29T07:00:00.000Z',
		]);
		expect(lastUpdate({ updates })).toEqual(at('2026-11-29T16:05:00Z'));
		expect(lastUpdate({ updates: [] })).toBeUndefined();
	});

	test('an update’s anchor is its minute, the same whatever is added around it', () => {
		expect(updateAnchor(at('2026-11-29T16:05:00+03:00'))).toBe('update-20261129-1305');
		expect(updateAnchor(at('2026-11-29T13:05:59Z'))).toBe('update-20261129-1305');
		expect(updateAnchor(at('2026-11-29T13:06:00Z'))).not.toBe(updateAnchor(at('2026-11-29T13:05:00Z')));
	});

	test('the coverage runs until its end time', () => {
		const now = at('2026-11-29T12:00:00Z');
		expect(isRunning(undefined, now)).toBe(false);
		expect(isRunning({ updates: [] }, now)).toBe(true);
		expect(isRunning({ ended: at('2026-11-29T11:59:00Z'), updates: [] }, now)).toBe(false);
		expect(isRunning({ ended: at('2026-11-29T18:00:00Z'), updates: [] }, now)).toBe(true);
	});

	test('an untitled update stands for itself by its first twelve words', () => {
		const words = Array.from({ length: 15 }, (_, i) => `كلمة${i + 1}`).join(' ');
		const [untitled, titled] = renderedUpdates(
			[update('2026-11-29T10:00:00Z', { body: words }), update('2026-11-29T09:00:00Z', { title: 'عنوان' })],
			(markdown) => ({ html: `<p>${markdown}</p>`, text: markdown }),
		);
		expect(untitled!.headline).toBe(`${words.split(' ').slice(0, 12).join(' ')}…`);
		expect(untitled!.anchor).toBe('update-20261129-1000');
		expect(titled!.headline).toBe('عنوان');
	});

	test('updates before the story, two in one minute and an end before the start are problems', () => {
		const published = at('2026-11-29T07:00:00Z');
		expect(
			liveProblems({ updates: [update('2026-11-29T07:00:00Z'), update('2026-11-29T08:00:00Z')] }, published),
		).toEqual([]);
		expect(
			liveProblems(
				{
					ended: at('2026-11-28T00:00:00Z'),
					updates: [
						update('2026-11-29T06:00:00Z'),
						update('2026-11-29T09:00:10Z'),
						update('2026-11-29T09:00:50Z'),
					],
				},
				published,
			),
		).toEqual([
			{ field: 'live.updates[0].date', message: 'is before the publication date' },
			{
				field: 'live.updates[2].date',
				message: 'is in the same minute as update 2; each update needs its own minute',
			},
			{ field: 'live.ended', message: 'is before the publication date' },
		]);
	});
});
