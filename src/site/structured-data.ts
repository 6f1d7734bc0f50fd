import type {
	BlogPosting,
	BreadcrumbList,
	CorrectionComment,
	LiveBlogPosting,
	NewsArticle,
	Organization,
	Person,
	Thing,
	WebSite,
	WithContext,
} from 'schema-dts';

/**
 * Structured data (schema.org JSON-LD) built as typed objects and serialised once. Values from
 * content are never concatenated into JSON or HTML by hand.
 */

/** One step of a breadcrumb trail; the last has no URL of its own (it is the page). */
export interface Crumb {
	label: string;
	/** Absolute URL. */
	url: string;
}

export interface PublisherInfo {
	name: string;
	/** Absolute URL of the site. */
	url: string;
	/** Absolute URL of the logo image. */
	logo: string;
}

export function publisher({ name, url, logo }: PublisherInfo): Organization {
	return { '@type': 'NewsMediaOrganization', name, url, logo: { '@type': 'ImageObject', url: logo } };
}

export interface NewsArticleInput {
	headline: string;
	description?: string | undefined;
	/** Absolute canonical URL. */
	url: string;
	published: Date;
	modified: Date;
	/** Absolute image URLs, several aspect ratios. */
	images: string[];
	author?: { name: string; url: string } | undefined;
	section: string;
	tags: string[];
	/** Corrections published with the story. */
	corrections?: readonly { date: Date; text: string }[] | undefined;
	/** BCP 47 language. */
	language: string;
	publisher: PublisherInfo;
}

export function newsArticle(input: NewsArticleInput): WithContext<NewsArticle> {
	const org = publisher(input.publisher);
	const author: Person | Organization = input.author
		? { '@type': 'Person', name: input.author.name, url: input.author.url }
		: org;
	return {
		'@context': 'https://schema.org',
		'@type': 'NewsArticle',
		headline: input.headline,
		...(input.description ? { description: input.description } : {}),
		datePublished: input.published.toISOString(),
		dateModified: input.modified.toISOString(),
		...(input.images.length > 0 ? { image: input.images } : {}),
		author: [author],
		publisher: org,
		inLanguage: input.language,
		articleSection: input.section,
		...(input.tags.length > 0 ? { keywords: input.tags.join(', ') } : {}),
		...(input.corrections?.length
			? {
					correction: input.corrections.map((correction): CorrectionComment => ({
						'@type': 'CorrectionComment',
						text: correction.text,
						datePublished: correction.date.toISOString(),
					})),
				}
			: {}),
		mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
		url: input.url,
	};
}

/** A live page's coverage for `liveBlogPosting`: its span and its updates, newest first. */
export interface LiveInput {
	started: Date;
	ended?: Date | undefined;
	updates: { headline: string; text: string; date: Date; url: string }[];
}

/**
 * A live page as Google documents it: the article's fields on a `LiveBlogPosting`, with
 * `coverageStartTime`, `coverageEndTime` once it has ended, and each update as a `BlogPosting`.
 */
export function liveBlogPosting(input: NewsArticleInput, live: LiveInput): WithContext<LiveBlogPosting> {
	const { '@type': _type, ...article } = newsArticle(input);
	const updates = live.updates.map((update): BlogPosting => ({
		'@type': 'BlogPosting',
		headline: update.headline,
		articleBody: update.text,
		datePublished: update.date.toISOString(),
		url: update.url,
	}));
	return {
		...article,
		'@type': 'LiveBlogPosting',
		coverageStartTime: live.started.toISOString(),
		...(live.ended ? { coverageEndTime: live.ended.toISOString() } : {}),
		liveBlogUpdate: updates,
	} as WithContext<LiveBlogPosting>;
}

export function breadcrumbList(trail: Crumb[]): WithContext<BreadcrumbList> {
	return {
		'@context': 'https://schema.org',
		'@type': 'BreadcrumbList',
		itemListElement: trail.map((crumb, index) => ({
			'@type': 'ListItem',
			position: index + 1,
			name: crumb.label,
			item: crumb.url,
		})),
	};
}

/** The site, with the search page as its SearchAction, for the home pages. */
export function webSite(input: {
	name: string;
	url: string;
	searchUrl: string;
	language: string;
}): WithContext<WebSite> {
	const searchAction = {
		'@type': 'SearchAction',
		target: { '@type': 'EntryPoint', urlTemplate: `${input.searchUrl}?q={search_term_string}` },
		'query-input': 'required name=search_term_string',
	};
	return {
		'@context': 'https://schema.org',
		'@type': 'WebSite',
		name: input.name,
		url: input.url,
		inLanguage: input.language,
		// schema-dts has no type for the `query-input` property Google documents.
		potentialAction: searchAction as WebSite['potentialAction'],
	};
}

/**
 * JSON for a `<script type="application/ld+json">` element. `<` and the line separators are
 * escaped, so no value (a headline containing `</script>`) can end the element early.
 */
export function serializeJsonLd(data: WithContext<Thing> | WithContext<Thing>[]): string {
	return JSON.stringify(data)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
}
