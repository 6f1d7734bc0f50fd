import type { PreviewTemplateComponentProps } from 'decap-cms-core';
import { createElement as h, useEffect, useMemo } from 'react';
import { formatDateTime } from '../../src/i18n/dates.ts';
import ar from '../../src/i18n/ar.ts';
import en from '../../src/i18n/en.ts';
import { previewLocale } from '../lib/direction.ts';
import { bodyHtml } from './body-html.ts';

/** What the preview needs to know of the site: its time zone and the hosts it embeds from. */
export interface PreviewSite {
	timeZone: string;
	embedHosts: readonly string[];
}

/**
 * The article as the site lays it out (the classes and words of `src/pages/[...lang]/news/
 * [slug].astro`, `ArticleHeader.astro` and `TagList.astro`, styled by the site's own CSS registered
 * as the preview style), in the entry's language and direction, with the body rendered by the
 * site's Markdown plugins: a YouTube link on its own line is the same click-to-load player.
 */
export function articlePreview({ timeZone, embedHosts }: PreviewSite) {
	return function ArticlePreview({
		entry,
		getAsset,
		document,
	}: PreviewTemplateComponentProps & { document?: Document }) {
		const data = entry.get('data');
		const title = data?.get('title') as string | undefined;
		const { lang, dir } = previewLocale(title, data?.get('body'));
		useDocumentLanguage(document, lang, dir);
		const date = parseDate(data?.get('date'));
		const image = data?.get('image') as string | undefined;
		const imageUrl = image ? String(getAsset(image)) : undefined;
		const caption = data?.get('imageCaption') as string | undefined;
		const summary = data?.get('summary') as string | undefined;
		const tags = ((data?.get('tags')?.toJS?.() as unknown[] | undefined) ?? []).filter(
			(tag): tag is string => typeof tag === 'string' && tag.trim() !== '',
		);
		const source = data?.get('source') as string | undefined;
		const corrections = (
			(data?.get('corrections')?.toJS?.() as { date?: unknown; text?: string }[] | undefined) ?? []
		).filter((correction) => correction.text?.trim());
		const t = lang === 'en' ? en : ar;
		const markdown = (data?.get('body') as string | undefined) ?? '';
		const html = useMemo(
			() => bodyHtml(markdown, lang, embedHosts, (src) => String(getAsset(src))),
			[markdown, lang, getAsset],
		);
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
							h(
								'p',
								{ className: 'dates' },
								h('time', { dateTime: date.toISOString() }, formatDateTime(date, lang, timeZone)),
							),
						),
				),
				imageUrl &&
					h(
						'figure',
						{ className: 'lead-image' },
						h('img', { src: imageUrl, alt: (data?.get('imageAlt') as string | undefined) ?? '' }),
						caption && h('figcaption', { dir: 'auto' }, caption),
					),
				h('div', { className: 'article-body', dangerouslySetInnerHTML: { __html: html } }),
				source && h('p', { className: 'source' }, `${t['article.source']}: `, h('bdi', null, source)),
				corrections.length > 0 &&
					h(
						'section',
						{ className: 'corrections' },
						h('h2', null, t['article.corrections']),
						h('p', null, t['article.corrections.note']),
						h(
							'ol',
							null,
							...corrections.map((correction, index) => {
								const date = parseDate(correction.date);
								return h(
									'li',
									{ key: index },
									date && h('time', { dateTime: date.toISOString() }, formatDateTime(date, lang, timeZone)),
									h('p', { dir: 'auto' }, correction.text),
								);
							}),
						),
					),
				tags.length > 0 &&
					h(
						'section',
						{ className: 'tags' },
						h('h2', null, t['article.tags']),
						h('ul', null, ...tags.map((tag) => h('li', { key: tag }, h('span', { dir: 'auto' }, tag)))),
					),
			),
		);
	};
}

/** A static page, in the site's layout, language and direction. */
export function PagePreview({
	entry,
	widgetFor,
	document,
}: PreviewTemplateComponentProps & { document?: Document }) {
	const data = entry.get('data');
	const title = data?.get('title') as string | undefined;
	const { lang, dir } = previewLocale(title, data?.get('body'));
	useDocumentLanguage(document, lang, dir);
	return h(
		'main',
		{ id: 'main', lang, dir },
		h(
			'article',
			{ className: 'article' },
			h('h1', { dir: 'auto' }, title),
			h('div', { className: 'article-body' }, widgetFor('body')),
		),
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
