/**
 * `npm run bench:wxr [-- <posts>]`: generates a WordPress export of 20,000 posts (by default),
 * imports it into a throw-away content tree in a child process, and prints the time and the
 * child's peak memory (resident set size). A report, not a test: the machine's load decides
 * the time; the memory must stay under 300 MB however big the export.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The Node flags `npm run import` runs with (its heap limit among them), so the benchmark measures
 * what an editor runs. Without a limit V8 lets garbage pile up far beyond what the import keeps.
 */
const IMPORT_FLAGS = (
	JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts
	.import!.split(' ')
	.filter((word) => word.startsWith('--max-old-space-size'));
const LIMIT_MB = 300;

/** In the child: run the importer, then report the peak resident set size in KiB. */
if (process.argv[2] === '--child') {
	const { main } = await import('../../src/import/legacy/command.ts');
	const status = await main(process.argv.slice(3));
	console.log(`BENCH ${JSON.stringify({ status, maxRssKiB: process.resourceUsage().maxRSS })}`);
	process.exit(0);
}

const posts = Number(process.argv[2] ?? 20_000);
const folder = mkdtempSync(path.join(tmpdir(), 'bench-wxr-'));
const exportFile = path.join(folder, 'export.xml');

const paragraph = (n: number) =>
	`أقر المجلس في جلسته رقم ${n} حزمة من القوانين الجديدة التي تهدف إلى تحسين الخدمات العامة وتعزيز الشفافية، وقال رئيس المجلس إن <strong>التصويت</strong> جاء بعد نقاش طويل. <a href="https://old.example/2020/01/01/post-${n % 100}/">خبر سابق</a>`;

async function generate(): Promise<void> {
	const out = createWriteStream(exportFile);
	const write = (text: string) =>
		out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
	await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>bench</title><language>ar</language><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://old.example</wp:base_site_url><wp:base_blog_url>https://old.example</wp:base_blog_url>
`);
	for (let a = 0; a < 10; a += 1)
		await write(
			`<wp:author><wp:author_login><![CDATA[writer${a}]]></wp:author_login><wp:author_display_name><![CDATA[كاتب ${a}]]></wp:author_display_name></wp:author>\n`,
		);
	for (let c = 0; c < 20; c += 1) {
		await write(
			`<wp:category><wp:category_nicename><![CDATA[section-${c}]]></wp:category_nicename><wp:category_parent><![CDATA[${c >= 10 ? `section-${c - 10}` : ''}]]></wp:category_parent><wp:cat_name><![CDATA[قسم ${c}]]></wp:cat_name></wp:category>\n`,
		);
	}
	for (let id = 1; id <= posts; id += 1) {
		const day = new Date(Date.UTC(2015, 0, 1) + id * 3_600_000).toISOString();
		const date = `${day.slice(0, 10)} ${day.slice(11, 19)}`;
		const body = [
			paragraph(id),
			paragraph(id + 1),
			`[caption id="attachment_1" width="300"]<img src="https://old.example/wp-content/uploads/2020/01/photo-${id % 50}.jpg" alt="صورة" /> تعليق الصورة ${id}[/caption]`,
			id % 10 === 0 ? 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' : `[gallery ids="${id}"]`,
			paragraph(id + 2),
			paragraph(id + 3),
			`<ul><li>نقطة أولى ${id}</li><li>نقطة ثانية</li></ul>`,
			paragraph(id + 4),
		].join('\n\n');
		const status = id % 25 === 0 ? 'draft' : id % 101 === 0 ? 'trash' : 'publish';
		await write(`<item><title><![CDATA[خبر رقم ${id}: البرلمان يناقش قانونًا جديدًا]]></title>
<link>https://old.example/${date.slice(0, 4)}/${date.slice(5, 7)}/%d8%ae%d8%a8%d8%b1-${id}/</link>
<dc:creator><![CDATA[writer${id % 10}]]></dc:creator>
<content:encoded><![CDATA[${body}]]></content:encoded>
<excerpt:encoded><![CDATA[ملخص الخبر ${id}]]></excerpt:encoded>
<wp:post_id>${id}</wp:post_id><wp:post_date><![CDATA[${date}]]></wp:post_date><wp:post_date_gmt><![CDATA[${date}]]></wp:post_date_gmt>
<wp:post_name><![CDATA[%d8%ae%d8%a8%d8%b1-${id}]]></wp:post_name><wp:status><![CDATA[${status}]]></wp:status><wp:post_parent>0</wp:post_parent><wp:post_type><![CDATA[post]]></wp:post_type>
<category domain="category" nicename="section-${id % 20}"><![CDATA[قسم ${id % 20}]]></category>
<category domain="post_tag" nicename="tag-${id % 200}"><![CDATA[وسم ${id % 200}]]></category>
<wp:postmeta><wp:meta_key><![CDATA[_edit_last]]></wp:meta_key><wp:meta_value><![CDATA[1]]></wp:meta_value></wp:postmeta>
</item>
`);
	}
	await write('</channel>\n</rss>\n');
	await new Promise<void>((resolve, reject) =>
		out.end((error?: Error | null) => (error ? reject(error) : resolve())),
	);
}

try {
	let started = performance.now();
	await generate();
	const megabytes = statSync(exportFile).size / 1024 / 1024;
	console.log(
		`generated ${posts} posts: ${megabytes.toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`,
	);
	const contentDir = path.join(folder, 'content');
	for (const part of ['categories', 'authors', 'settings'])
		cpSync(path.join(ROOT, 'content', part), path.join(contentDir, part), { recursive: true });

	for (const label of ['first import', 'second import (nothing to change)']) {
		started = performance.now();
		const child = spawnSync(
			process.execPath,
			[
				// BENCH_NODE_FLAGS, e.g. --max-old-space-size=100, to see what the import needs rather than what V8 takes.
				...IMPORT_FLAGS,
				...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean),
				'--experimental-strip-types',
				'--disable-warning=ExperimentalWarning',
				fileURLToPath(import.meta.url),
				'--child',
				exportFile,
				'--content',
				contentDir,
			],
			{ cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
		);
		const seconds = (performance.now() - started) / 1000;
		const report = /^BENCH (.*)$/m.exec(child.stdout)?.[1];
		if (!report) throw new Error(`the import did not finish:\n${child.stderr}\n${child.stdout.slice(-2000)}`);
		const { status, maxRssKiB } = JSON.parse(report) as { status: number; maxRssKiB: number };
		const peak = maxRssKiB / 1024;
		console.log(
			child.stdout
				.split('\n')
				.filter((line) => /^ {2}(articles|categories|authors|redirects):/.test(line))
				.join('\n'),
		);
		console.log(
			`${label}: exit ${status}, ${seconds.toFixed(1)} s, peak RSS ${peak.toFixed(0)} MB (limit ${LIMIT_MB} MB: ${peak < LIMIT_MB ? 'under' : 'OVER'})`,
		);
		if (peak >= LIMIT_MB) process.exitCode = 1;
	}
} finally {
	rmSync(folder, { recursive: true, force: true });
}
