import { spawnSync } from 'node:child_process';
import {
	cpSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	utimesSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCategoryIds } from '#src/import/legacy/command.ts';
import { parseLegacyArticle, tidyLegacyArticle } from '#src/import/legacy/parse.ts';
import { articleFrontmatterSchema } from '#src/schemas/article.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SEED = 'seeds/000_05359316afc88e59.txt';
const FIXTURES = 'tests/fixtures/legacy';
const GOOD_FIXTURES = [
	`${FIXTURES}/economy-bom-crlf.txt`,
	`${FIXTURES}/no-source.txt`,
	`${FIXTURES}/خبر-رياضي.txt`,
];
const DATE = '2022-01-10T12:00:00+03:00';

const SLUGS = {
	seed: 'qasm-twkayyf-ma-hsl-fy-kazakhstan-mhawla-anqlab',
	economy: 'albnk-almrkzy-ybqy-sar-alfaida-dwn-tghyyr-llmra',
	health: 'wzara-alsha-ttlq-hmla-wtnya-llttaym-dd-shll',
	sports: 'almntkhb-alwtny-lkra-alyd-ytahl-ila-nsf-nhaiy',
};

/** An article that was there before the import and must come out of it untouched. */
const BYSTANDER = '---\ntitle: خبر سابق\ndate: 2021-05-01T08:00:00Z\ncategory: local\n---\nنص كتبه محرر.\n';

const categories = await loadCategoryIds(path.join(ROOT, 'content'));

let tmp: string;
let contentDir: string;
let articlesDir: string;

beforeEach(() => {
	tmp = mkdtempSync(path.join(tmpdir(), 'import-cli-'));
	contentDir = path.join(tmp, 'content');
	articlesDir = path.join(contentDir, 'articles', 'ar');
	cpSync(path.join(ROOT, 'content', 'categories'), path.join(contentDir, 'categories'), { recursive: true });
	mkdirSync(articlesDir, { recursive: true });
	writeFileSync(path.join(articlesDir, 'khbr-sabq.md'), BYSTANDER);
	utimesSync(
		path.join(articlesDir, 'khbr-sabq.md'),
		new Date('2021-05-01T08:00:00Z'),
		new Date('2021-05-01T08:00:00Z'),
	);
});

afterEach(() => {
	rmSync(tmp, { recursive: true, force: true });
});

/** Runs the importer the way `npm run import` does, from the project root. */
function runImport(...args: string[]) {
	const result = spawnSync(
		process.execPath,
		[
			'--experimental-strip-types',
			'--disable-warning=ExperimentalWarning',
			'src/cli/import.ts',
			...args,
			'--content',
			contentDir,
		],
		{ cwd: ROOT, encoding: 'utf8' },
	);
	return {
		status: result.status,
		stdout: result.stdout.split('\n').filter(Boolean),
		stderr: result.stderr.split('\n').filter(Boolean),
	};
}

const articlePath = (slug: string) => path.join(articlesDir, `${slug}.md`);
const shownPath = (slug: string) => path.join(contentDir, 'articles', 'ar', `${slug}.md`);
const articleFiles = () => readdirSync(articlesDir).sort();

/** Every file under the content tree with its bytes and modification time. */
function snapshot(): Record<string, { text: string; mtimeMs: number }> {
	const files = readdirSync(contentDir, { recursive: true, withFileTypes: true }).filter((entry) =>
		entry.isFile(),
	);
	return Object.fromEntries(
		files.map((entry) => {
			const file = path.join(entry.parentPath, entry.name);
			return [
				path.relative(contentDir, file),
				{ text: readFileSync(file, 'utf8'), mtimeMs: statSync(file).mtimeMs },
			];
		}),
	);
}

function readArticle(slug: string) {
	const file = matter(readFileSync(articlePath(slug), 'utf8'));
	const checked = articleFrontmatterSchema.safeParse(file.data);
	expect(checked.success).toBe(true);
	return { data: file.data, content: file.content };
}

/** The article as the importer writes it: spacing normalised, first paragraph as summary. */
const tidy = (input: string) =>
	tidyLegacyArticle(parseLegacyArticle(readFileSync(path.join(ROOT, input), 'utf8'), categories));
const expectedBody = (input: string) => `${tidy(input).paragraphs.join('\n\n')}\n`;
const summaryOf = (input: string) => tidy(input).summary;

describe('npm run import', { timeout: 30_000 }, () => {
	it('imports the good files, reports each broken one by name and reason, and exits 1', () => {
		const run = runImport(SEED, FIXTURES, '--date', DATE);

		expect(run.status).toBe(1);
		expect(articleFiles()).toEqual(
			['khbr-sabq.md', ...Object.values(SLUGS).map((slug) => `${slug}.md`)].sort(),
		);
		expect(run.stderr).toEqual([
			`${FIXTURES}/no-body.txt: no body: no paragraph between the title and the source line or footer`,
			`${FIXTURES}/no-breadcrumb.txt: no breadcrumb: the first line should start with «العناوين الرئيسية», found «ارتفاع أسعار النفط مع تراجع المخزونات ال…»`,
			`${FIXTURES}/no-title.txt: no title: nothing between the breadcrumb and the source line or footer`,
			`${FIXTURES}/unknown-category.txt: unknown category «فنون» (known: ثقافة, اقتصاد, صحة, محلي, رأي, سياسة, رياضة, تكنولوجيا, دولي)`,
		]);
		expect(run.stdout).toEqual([
			`imported  ${SEED} → ${shownPath(SLUGS.seed)} (date ${DATE} from --date)`,
			`imported  ${FIXTURES}/economy-bom-crlf.txt → ${shownPath(SLUGS.economy)} (date ${DATE} from --date)`,
			`imported  ${FIXTURES}/no-source.txt → ${shownPath(SLUGS.health)} (date ${DATE} from --date)`,
			`imported  ${FIXTURES}/خبر-رياضي.txt → ${shownPath(SLUGS.sports)} (date ${DATE} from --date)`,
			'4 imported, 0 unchanged, 4 failed',
		]);
		expect(readFileSync(articlePath('khbr-sabq'), 'utf8')).toBe(BYSTANDER);
	});

	it('writes front matter the schema accepts and the paragraphs as the body', () => {
		runImport(SEED, FIXTURES, '--date', DATE);

		const seed = readArticle(SLUGS.seed);
		// The old site's spacing normalised; the slug (SLUGS.seed) is still the one the old title gave.
		expect(seed.data).toEqual({
			title: 'قاسم توكاييف: ما حصل في كازاخستان محاولة انقلاب.. وبوتين: لن نسمح بثورات ملونة',
			date: DATE,
			category: 'world',
			summary:
				'اجتياح ومحاولة انقلاب، هكذا وصف رئيس كازاخستان قاسم توكاييف ما شهدته بلاده من اضطرابات دامية خلال الأيام الماضية أسفرت عن سقوط قتلى جرحى.',
			source: 'وكالات',
		});
		expect(seed.content).toContain('وأكد الرئيس الكازاخستاني قاسم توكاييف، أن');
		expect(seed.content).not.toMatch(/(^|\s)و (?=\p{Script=Arabic})/mu);
		expect(seed.content.split('\n\n')).toHaveLength(17);
		expect(seed.content).toBe(expectedBody(SEED));
		expect(seed.content.startsWith('اجتياح ومحاولة انقلاب، هكذا وصف رئيس كازاخستان')).toBe(true);
		for (const footer of ['تابعونا', 'facebook', 'اظهر المزيد', 'مقالات ذات صلة', 'زر الذهاب', 'المصدر']) {
			expect(readFileSync(articlePath(SLUGS.seed), 'utf8')).not.toContain(footer);
		}

		expect(readArticle(SLUGS.economy).data).toEqual({
			title: 'البنك المركزي يبقي سعر الفائدة دون تغيير للمرة الثالثة على التوالي',
			date: DATE,
			category: 'economy',
			summary: summaryOf(`${FIXTURES}/economy-bom-crlf.txt`),
			source: 'وكالات',
		});
		expect(readArticle(SLUGS.economy).content).toBe(expectedBody(`${FIXTURES}/economy-bom-crlf.txt`));
		expect(readFileSync(articlePath(SLUGS.economy), 'utf8')).not.toMatch(/[\r\uFEFF\u00a0]/);

		expect(readArticle(SLUGS.health).data).toEqual({
			title: 'وزارة الصحة تطلق حملة وطنية للتطعيم ضد شلل الأطفال',
			date: DATE,
			category: 'health',
			summary: summaryOf(`${FIXTURES}/no-source.txt`),
		});

		const sportsTitle =
			'المنتخب الوطني لكرة اليد يتأهل إلى نصف نهائي البطولة العربية بعد فوزه على عُمان 31-27';
		expect(readArticle(SLUGS.sports).data).toEqual({
			title: sportsTitle,
			date: DATE,
			category: 'sports',
			summary: summaryOf(`${FIXTURES}/خبر-رياضي.txt`),
			source: 'متابعات',
		});
		expect(readFileSync(articlePath(SLUGS.sports), 'utf8').split('\n').slice(0, 7)).toEqual([
			'---',
			`title: ${sportsTitle}`,
			`date: '${DATE}'`,
			'category: sports',
			`summary: ${summaryOf(`${FIXTURES}/خبر-رياضي.txt`)}`,
			'source: متابعات',
			'---',
		]);
	});

	it('leaves everything as it was on a second run, and exits 0 when nothing failed', () => {
		runImport(SEED, ...GOOD_FIXTURES, '--date', DATE);
		const before = snapshot();

		const run = runImport(SEED, ...GOOD_FIXTURES, '--date', DATE);

		expect(run.status).toBe(0);
		expect(run.stderr).toEqual([]);
		expect(run.stdout[0]).toBe(`unchanged ${SEED} → ${shownPath(SLUGS.seed)} (date ${DATE} from --date)`);
		expect(run.stdout.filter((line) => line.startsWith('unchanged '))).toHaveLength(4);
		expect(run.stdout.at(-1)).toBe('0 imported, 4 unchanged, 0 failed');
		expect(snapshot()).toEqual(before);
	});

	it('refuses to overwrite an article edited since the import, unless --force', () => {
		runImport(SEED, '--date', DATE);
		const imported = readFileSync(articlePath(SLUGS.seed), 'utf8');
		const edited = imported
			.replace('category: world', 'category: politics')
			.concat('\nفقرة أضافها المحرر.\n');
		writeFileSync(articlePath(SLUGS.seed), edited);

		const refused = runImport(SEED, '--date', DATE);
		expect(refused.status).toBe(1);
		expect(refused.stderr).toEqual([
			`${SEED}: ${shownPath(SLUGS.seed)} already exists and differs in category, body; not overwritten, use --force to replace it`,
		]);
		expect(refused.stdout).toEqual([
			'0 imported, 0 unchanged, 1 failed (1 not overwritten: the article exists and differs)',
		]);
		expect(readFileSync(articlePath(SLUGS.seed), 'utf8')).toBe(edited);

		const forced = runImport(SEED, '--date', DATE, '--force');
		expect(forced.status).toBe(0);
		expect(forced.stdout).toEqual([
			`replaced  ${SEED} → ${shownPath(SLUGS.seed)} (date ${DATE} from --date)`,
			'1 imported, 0 unchanged, 0 failed',
		]);
		expect(readFileSync(articlePath(SLUGS.seed), 'utf8')).toBe(imported);
		expect(articleFiles()).toEqual(['khbr-sabq.md', `${SLUGS.seed}.md`]);
		expect(readFileSync(articlePath('khbr-sabq'), 'utf8')).toBe(BYSTANDER);
	});

	it("dates an article by its file's modification time without --date, and says so", () => {
		const input = path.join(tmp, 'خبر.txt');
		cpSync(path.join(ROOT, FIXTURES, 'خبر-رياضي.txt'), input);
		utimesSync(input, new Date('2021-12-31T22:15:30.250Z'), new Date('2021-12-31T22:15:30.250Z'));

		const run = runImport(input);

		expect(run.status).toBe(0);
		expect(run.stdout[0]).toBe(
			`imported  ${input} → ${shownPath(SLUGS.sports)} (date 2021-12-31T22:15:30Z from the file's modification time)`,
		);
		expect(readArticle(SLUGS.sports).data.date).toBe('2021-12-31T22:15:30Z');
	});

	it('reads a bare --date day as midnight UTC', () => {
		const run = runImport(`${FIXTURES}/no-source.txt`, '--date', '2022-01-10');

		expect(run.stdout[0]).toBe(
			`imported  ${FIXTURES}/no-source.txt → ${shownPath(SLUGS.health)} (date 2022-01-10T00:00:00Z from --date)`,
		);
		expect(readArticle(SLUGS.health).data.date).toBe('2022-01-10T00:00:00Z');
	});

	it('refuses an impossible or zone-less --date before touching anything', () => {
		const before = snapshot();
		for (const date of ['2022-02-30', '2022-01-10T12:00:00', '10/01/2022']) {
			const run = runImport(SEED, '--date', date);
			expect(run.status).toBe(2);
			expect(run.stderr[0]).toBe(
				`import: --date ${date}: expected ISO 8601 with a time zone (2022-01-10T12:00:00+03:00) or a day (2022-01-10)`,
			);
		}
		expect(snapshot()).toEqual(before);
	});

	it('reports a missing path and a second file with the same slug, and imports the rest', () => {
		const copy = path.join(tmp, 'copy.txt');
		cpSync(path.join(ROOT, SEED), copy);

		const run = runImport(SEED, 'seeds/missing.txt', copy, '--date', DATE);

		expect(run.status).toBe(1);
		expect(run.stderr).toEqual([
			'seeds/missing.txt: no such file or folder',
			`${copy}: slug ${SLUGS.seed} is already taken by ${SEED} in this run`,
		]);
		expect(run.stdout.at(-1)).toBe('1 imported, 0 unchanged, 2 failed');
		expect(articleFiles()).toEqual(['khbr-sabq.md', `${SLUGS.seed}.md`]);
	});

	it('prints its usage for --help', () => {
		const run = runImport('--help');
		expect(run.status).toBe(0);
		expect(run.stdout[0]).toBe('Usage: npm run import -- <file or folder>... [options]');
	});
});
