import type { PreviewTemplateComponentProps } from 'decap-cms-core';
import { createElement as h, useEffect } from 'react';
import { formatDateTime } from '../../src/i18n/dates.ts';
import { previewLocale } from '../lib/direction.ts';

/**
 * The article as the site lays it out (the classes of `src/pages/[...lang]/news/[slug].astro` and
 * `ArticleHeader.astro`, styled by the site's own CSS registered as the preview style), in the
 * entry's language and direction.
 */
export function articlePreview(timeZone: string) {
	return function ArticlePreview({ entry, widgetFor, getAsset, document }: PreviewTemplateComponentProps & { document?: Document }) {
		const data = entry.get('data');
		const title = data?.get('title') as string | undefined;
		const { lang, dir } = previewLocale(title, data?.get('body'));
		useDocumentLanguage(document, lang, dir);
		const date = parseDate(data?.get('date'));
		const image = data?.get('image') as string | undefined;
		const imageUrl = image ? String(getAsset(image)) : undefined;
		const caption = data?.get('imageCaption') as string | undefined;
		const summary = data?.get('summary') as string | undefined;
		const tags = (data?.get('tags')?.toJS?.() as string[] | undefined) ?? [];
		return h(
			'main',
			{ id: 'main', lang, dir },
			h(
				'article',
				{ className: 'article' },
				h(
					'header',
					{ className: 'article-header' },
					h('h1', { dir: 'auto' }, title),
					summary && h('p', { className: 'standfirst', dir: 'auto' }, summary),
					date &&
						h(
							'div',
							{ className: 'byline' },
							h('p', { className: 'dates' }, h('time', { dateTime: date.toISOString() }, formatDateTime(date, lang, timeZone))),
						),
				),
				imageUrl &&
					h(
						'figure',
						{ className: 'lead-image' },
						h('img', { src: imageUrl, alt: (data?.get('imageAlt') as string | undefined) ?? '' }),
						caption && h('figcaption', { dir: 'auto' }, caption),
					),
				h('div', { className: 'article-body' }, widgetFor('body')),
				tags.length > 0 &&
					h('div', { className: 'tags' }, h('ul', null, ...tags.map((tag) => h('li', { key: tag }, h('span', null, tag))))),
			),
		);
	};
}

/** A static page, in the site's layout, language and direction. */
export function PagePreview({ entry, widgetFor, document }: PreviewTemplateComponentProps & { document?: Document }) {
	const data = entry.get('data');
	const title = data?.get('title') as string | undefined;
	const { lang, dir } = previewLocale(title, data?.get('body'));
	useDocumentLanguage(document, lang, dir);
	return h(
		'main',
		{ id: 'main', lang, dir },
		h('article', { className: 'article' }, h('h1', { dir: 'auto' }, title), h('div', { className: 'article-body' }, widgetFor('body'))),
	);
}

/** The site's CSS sizes Arabic from `html:lang(ar)`, so the preview frame's root carries the language too. */
function useDocumentLanguage(frame: Document | undefined, lang: string, dir: string) {
	useEffect(() => {
		if (!frame) return;
		frame.documentElement.lang = lang;
		frame.documentElement.dir = dir;
	}, [frame, lang, dir]);
}

function parseDate(value: unknown): Date | undefined {
	if (!value) return undefined;
	const date = value instanceof Date ? value : new Date(String(value));
	return Number.isNaN(date.getTime()) ? undefined : date;
}
