import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkContent } from '#src/newsroom/check.ts';
import { formatProblems } from '#src/newsroom/problems.ts';

const root = mkdtempSync(join(tmpdir(), 'content-check-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string | Buffer) {
	mkdirSync(dirname(join(root, path)), { recursive: true });
	writeFileSync(join(root, path), text);
}
const article = (fields: string, body = 'نص.') => `---\n${fields}\n---\n${body}\n`;
const ok = "title: خبر\ndate: '2024-05-01T10:00:00+03:00'\ncategory: world";

write('content/categories/world.yml', 'name:\n  ar: دولي\n  en: World\norder: 1\n');
write('content/categories/sports.yml', 'name:\n  ar: رياضة\n  en: Sports\norder: 2\n');
write('content/authors/newsroom.yml', 'name:\n  ar: غرفة الأخبار\n  en: Newsroom\n');
write(
	'content/settings/site.yml',
	'name:\n  ar: أ\n  en: A\ntagline:\n  ar: ب\n  en: B\nurl: https://a.example\ntimeZone: Asia/Riyadh\n',
);
write('content/settings/frontpage.yml', 'sections: [world, culture]\n');
write('content/media/present.jpg', 'jpeg');
write('content/articles/ar/fine.md', article(`${ok}\nimage: ../../media/present.jpg`));
write('content/articles/ar/bad-yaml.md', article(`${ok}\ntags: [أ, ب`));
write('content/articles/ar/no-title.md', article("date: '2024-05-01T10:00:00+03:00'\ncategory: world"));
write(
	'content/articles/ar/bad-category.md',
	article("title: خبر\ndate: '2024-05-01T10:00:00+03:00'\ncategory: sport"),
);
write('content/articles/ar/bad-date.md', article("title: خبر\ndate: 'yesterday'\ncategory: world"));
write('content/articles/ar/unknown-author.md', article(`${ok}\nauthor: nobody`));
write('content/articles/ar/missing-image.md', article(`${ok}\nimage: ../../media/absent.jpg`));
write('content/articles/ar/early-update.md', article(`${ok}\nupdated: '2024-04-01T10:00:00+03:00'`));
write(
	'content/articles/ar/early-correction.md',
	article(`${ok}\ncorrections:\n  - date: '2024-04-01T10:00:00+03:00'\n    text: صُحّح الرقم`),
);
write(
	'content/articles/ar/early-live-update.md',
	article(`${ok}\nlive:\n  updates:\n    - date: '2024-05-01T09:00:00+03:00'\n      body: تحديث`),
);
write(
	'content/articles/ar/live-pictures.md',
	article(
		`${ok}\nlive:\n  updates:\n    - date: '2024-05-01T11:00:00+03:00'\n      body: '![حاضرة](../../media/present.jpg)'\n    - date: '2024-05-01T12:00:00+03:00'\n      body: 'نص ![غائبة](../../media/gone.jpg)'\n      image: ../../media/lost.jpg`,
	),
);
write(
	'content/articles/ar/blank-correction.md',
	article(`${ok}\ncorrections:\n  - date: '2024-05-02T10:00:00+03:00'\n    text: ' '`),
);
write('content/articles/ar/خبر.md', article(ok));
write('content/articles/ar/Dup.md', article(ok));
write('content/articles/ar/dup.md', article(ok));
write('content/articles/ar/huge.md', article(ok, 'كلمة '.repeat(120_000)));
write(
	'content/articles/ar/script.mdx',
	article(ok, "export const run = (() => { require('child_process').execSync('touch /tmp/owned') })();"),
);
write('content/articles/fr/french.md', article(ok));
write('content/articles/ar/paired.md', article(ok));
write(
	'content/articles/en/paired.md',
	article("title: Story\ndate: '2024-05-01T10:00:00+03:00'\ncategory: sports"),
);
write('content/pages/ar/about.md', article('description: بلا عنوان'));
write('content/pages/ar/contact.md', article('title: اتصل بنا'));
write('content/pages/ar/search.md', article('title: بحث'));
write(
	'content/redirects/wordpress.yml',
	[
		'- from: /2022/01/خبر/',
		'  to: /news/fine/',
		'- from: /contact/',
		'  to: /news/fine/',
		'- from: /2022/01/gone/',
		'  to: /news/missing/',
		'- from: /2022/01/خبر',
		'  to: /news/paired/',
		'- from: /old page/',
		'  to: /news/fine/',
		'',
	].join('\n'),
);

const problems = checkContent(root);
const lines = formatProblems(problems).split('\n');
const about = (file: string) =>
	problems
		.filter((problem) => problem.file === `content/${file}`)
		.map((p) => `${p.field}${p.line ? `@${p.line}` : ''}: ${p.message}`);

describe('the content check reports every problem at once', () => {
	test.each([
		['articles/ar/bad-yaml.md', /^yaml@\d+: /],
		['articles/ar/no-title.md', /^title: /],
		['articles/ar/bad-category.md', /^category@4: unknown category "sport" \(known: sports, world\)/],
		['articles/ar/bad-date.md', /^date@3: must be an ISO 8601 date/],
		['articles/ar/unknown-author.md', /^author@5: unknown author "nobody"/],
		['articles/ar/missing-image.md', /^image@5: file not found: \.\.\/\.\.\/media\/absent\.jpg/],
		['articles/ar/early-update.md', /^updated@5: is before the publication date/],
		['articles/ar/early-correction.md', /^corrections\[0\]\.date@5: is before the publication date/],
		['articles/ar/blank-correction.md', /^corrections.*text.*: is required/],
		['articles/ar/early-live-update.md', /^live\.updates\[0\]\.date@5: is before the publication date/],
		[
			'articles/ar/live-pictures.md',
			/^live\.updates\[1\]\.body@5: file not found: \.\.\/\.\.\/media\/gone\.jpg$/,
		],
		[
			'articles/ar/live-pictures.md',
			/^live\.updates\[1\]\.image@5: file not found: \.\.\/\.\.\/media\/lost\.jpg$/,
		],
		['articles/ar/خبر.md', /^slug: "خبر" must be lower-case ASCII/],
		['articles/ar/huge.md', /^file: is 1\.\d MB; the limit is 1 MB/],
		['articles/ar/script.mdx', /^file: MDX runs code at build time/],
		['articles/fr/french.md', /^file: must be content\/articles\/<ar\|en>\/<slug>\.md/],
		[
			'articles/en/paired.md',
			/^category: is "sports" but its Arabic original content\/articles\/ar\/paired\.md is in "world"/,
		],
		['settings/frontpage.yml', /^sections: unknown category "culture"/],
		['pages/ar/about.md', /^title: /],
		['pages/ar/search.md', /^slug: "search" is taken by the site's own pages/],
		['redirects/wordpress.yml', /^from@3: \/contact\/ is a page of the site; a redirect would hide it$/],
		['redirects/wordpress.yml', /^to@5: \/news\/missing\/: no article or page has this address$/],
		[
			'redirects/wordpress.yml',
			/^3\.from@7: \/2022\/01\/خبر is also redirected by content\/redirects\/wordpress\.yml:1$/,
		],
		['redirects/wordpress.yml', /^4\.from@9: must be a decoded site path/],
	])('%s', (file, expected) => {
		expect(
			about(file).some((line) => expected.test(line)),
			about(file).join('\n') || 'no problem reported',
		).toBe(true);
	});

	test("a live update's picture that is there is not a problem", () => {
		expect(about('articles/ar/live-pictures.md')).toHaveLength(2);
		expect(about('articles/ar/live-pictures.md').join('\n')).not.toMatch(/present/);
	});

	test('duplicate slugs within a language are reported', () => {
		expect(problems.some((p) => p.field === 'slug' && /is also the slug of/.test(p.message))).toBe(true);
	});

	test('a valid article has no problem, and the report has one line per problem', () => {
		expect(about('articles/ar/fine.md')).toEqual([]);
		expect(lines[0]).toBe(`${problems.length} problems in content:`);
		expect(lines).toHaveLength(problems.length + 1);
	});

	test('the MDX file is reported, never run', async () => {
		const { existsSync } = await import('node:fs');
		expect(existsSync('/tmp/owned')).toBe(false);
	});
});
