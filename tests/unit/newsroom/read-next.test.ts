import { describe, expect, test } from 'vitest';
import { readNext } from '#src/newsroom/read-next.ts';

describe('what follows an article', () => {
	const [a, b, c, d, e, f, g] = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

	test('each story appears in one list only, and never the article itself', () => {
		const lists = readNext(a, [b, c], [a, b, d, e], [f, a, c, d, g], 2);
		expect(lists).toEqual({ related: [b, c], moreFromSection: [d, e], latest: [f, g] });
	});

	test('a list fills from further down when its first stories are shown above', () => {
		expect(readNext(a, [b], [b, c, d], [b, c, d, e, f], 3)).toEqual({
			related: [b],
			moreFromSection: [c, d],
			latest: [e, f],
		});
	});
});
