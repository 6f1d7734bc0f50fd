import { toHtml } from 'hast-util-to-html';
import { describe, expect, test } from 'vitest';
import { localPictures, placePictures } from '#src/markdown/pictures.ts';
import { markdownToHast } from '#src/markdown/render.ts';

describe('the pictures of a Markdown text', () => {
	test('are the pictures beside the file, by link or by reference, each once, in order', () => {
		const markdown = [
			'نص ![قبة البرلمان](../../media/dome.jpg) ونص.',
			'',
			'![ملعب][pitch] و![قبة ثانية](../../media/dome.jpg)',
			'',
			'[pitch]: ../../media/pitch.jpg',
		].join('\n');
		expect(localPictures(markdown)).toEqual(['../../media/dome.jpg', '../../media/pitch.jpg']);
	});

	test('leave out web addresses, site paths, links, code and plain brackets', () => {
		const markdown = [
			'![بعيدة](https://example.com/a.jpg) ![من الموقع](/logo.png) ![مضمّنة](data:image/png;base64,AAAA)',
			'[رابط](../../media/linked.jpg) و`![ليست صورة](../../media/code.jpg)` ونص! و[قوسان]',
			'',
			'```',
			'![في كتلة برمجية](../../media/block.jpg)',
			'```',
		].join('\n');
		expect(localPictures(markdown)).toEqual([]);
	});

	test('are given their optimised attributes in the rendered text, and other images are left alone', () => {
		const tree = markdownToHast('![قبة](../../media/dome.jpg)\n\n![أخرى](../../media/other.jpg)', 'ar', []);
		placePictures(
			tree,
			new Map([
				[
					'../../media/dome.jpg',
					{ src: '/_astro/dome.webp', srcSet: '/_astro/dome-480.webp 480w', width: 800 },
				],
			]),
		);
		const html = toHtml(tree);
		expect(html).toContain(
			'<img src="/_astro/dome.webp" alt="قبة" srcset="/_astro/dome-480.webp 480w" width="800">',
		);
		expect(html).toContain('<img src="../../media/other.jpg" alt="أخرى">');
	});
});
