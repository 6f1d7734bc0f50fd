import { describe, expect, test } from 'vitest';
import { frontMatterFormat } from '../../../admin/lib/front-matter.ts';
import { articleState, withListFields } from '../../../admin/lib/list-fields.ts';

const now = new Date('2026-12-07T12:00:00+03:00');
const context = {
	timeZone: 'Asia/Riyadh',
	sections: [{ label: 'سياسة', value: 'politics' }],
	authors: [{ label: 'عمر خليل', value: 'omar-khalil' }],
};

describe('the article list', () => {
	test.each([
		[{ draft: true, date: '2026-12-01T10:00:00+03:00' }, 'مسودة'],
		[{ draft: true, date: '2027-01-01T10:00:00+03:00' }, 'مسودة'],
		[{ date: '2026-12-07T14:30:00+03:00' }, 'مجدول'],
		[{ date: '2026-12-07T11:59:00+03:00' }, 'منشور'],
		[{ date: new Date('2026-12-07T09:00:00Z') }, 'منشور'],
	])('%j is «%s»', (data, state) => {
		expect(articleState(data, now)).toBe(state);
	});

	test('a line of date in the newsroom’s zone, section and author, in Arabic', () => {
		const data = withListFields(
			{ title: 'عنوان', date: '2026-12-07T14:30:00+03:00', category: 'politics', author: 'omar-khalil' },
			context,
			now,
		);
		expect(data.listStatus).toBe('مجدول');
		expect(data.listLine).toMatch(/^7 ديسمبر 2026.*2:30.* · سياسة · عمر خليل$/);
	});

	test('the list keys are never written back to the file', () => {
		const data = withListFields(
			{ title: 'عنوان', date: '2026-12-07T10:00:00+03:00', category: 'politics' },
			context,
			now,
		);
		const file = frontMatterFormat.toFile(data, Object.keys(data));
		expect(file).not.toMatch(/listStatus|listLine/);
		expect(file).toContain('category: politics');
	});
});
