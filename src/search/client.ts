import { formatShortDate } from '../i18n/dates.ts';
import type { Locale } from '../i18n/locales.ts';
import { excerpt, highlight, type Segment } from './excerpt.ts';
import { resolveWords, suggestQuery, WORDS_FOLDER } from './fallback.ts';
import { readSearchParams, searchQueryString, type SearchParams } from './params.ts';
import type { SearchMeta } from './records.ts';
import {
	mergeByScore,
	newestFirst,
	SHARDS_FILE,
	shardsToSearch,
	shardsWithEvery,
	type ShardList,
} from './shards.ts';
import type { CountedWord } from './search-suggest.ts';
import { exactQuery, pagefindQuery, queryWords } from './text.ts';

/**
 * `<newsroom-search>`: runs the search in the URL against the language's Pagefind shards (the
 * newest year's index and a few of older years, `shards.ts`) and shows the results. The form inside works without it (a GET to this page); with it, a search
 * updates the URL and the results in place. Everything from the index is written with DOM text
 * APIs, never as HTML.
 */

/** What the page tells the element (see SearchPanel.astro). */
interface SearchConfig {
	locale: Locale;
	lang: string;
	intl: string;
	bundle: string;
	sections: Record<string, string>;
	strings: {
		searching: string;
		prompt: string;
		empty: string;
		suggest: string;
		more: string;
		error: string;
		count: Record<string, string>;
	};
}

/** The part of Pagefind's JS API this page uses. */
interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	mergeIndex(basePath: string, options?: { mergeFilter?: Record<string, string[]> }): Promise<void>;
	search(
		query: string,
		options?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> },
	): Promise<{ results: PagefindResult[] }>;
}
interface PagefindResult {
	id: string;
	score: number;
	data(): Promise<PagefindData>;
}
interface PagefindData {
	url: string;
	/** The summary and body as written (the index writer puts them in place of the analysed forms Pagefind indexed). */
	content: string;
	meta: SearchMeta;
	filters: Record<string, string[]>;
}

/**
 * A filter Pagefind adds to every result of a shard's index as it loads it (`mergeFilter`), so that
 * a search can ask one shard: unlike the `year` filter of the records, it needs no filter file.
 */
const SHARD_FILTER = 'shard';

/** Results shown at once, and added by "More results". */
const PAGE_SIZE = 10;

class NewsroomSearch extends HTMLElement {
	#config!: SearchConfig;
	#shardList: Promise<ShardList> | undefined;
	#pagefind: Promise<Pagefind> | undefined;
	/** The shards whose indexes Pagefind has loaded, each once. */
	#loaded = new Map<string, Promise<void>>();
	/** Each search gets a number; a slower earlier search never overwrites a later one. */
	#current = 0;
	#pending: PagefindResult[] = [];
	#words: string[] = [];

	connectedCallback() {
		this.#config = JSON.parse(this.dataset.config ?? '{}') as SearchConfig;
		const form = this.querySelector('form')!;
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			this.#go(this.#formSearch(), 'push');
		});
		form.addEventListener('change', (event) => {
			if ((event.target as HTMLElement).tagName === 'SELECT') this.#go(this.#formSearch(), 'replace');
		});
		this.querySelector('.search-more')!.addEventListener('click', () => void this.#showMore());
		window.addEventListener('popstate', () => void this.#run(this.#urlSearch()));
		void this.#run(this.#urlSearch());
	}

	#urlSearch(): SearchParams {
		return readSearchParams(new URLSearchParams(location.search), Object.keys(this.#config.sections));
	}

	#formSearch(): SearchParams {
		return readSearchParams(
			new URLSearchParams(new FormData(this.querySelector('form')!) as unknown as Record<string, string>),
			Object.keys(this.#config.sections),
		);
	}

	#go(search: SearchParams, history: 'push' | 'replace') {
		const url = location.pathname + searchQueryString(search);
		if (history === 'push') window.history.pushState(null, '', url);
		else window.history.replaceState(null, '', url);
		void this.#run(search);
	}

	/** Fills the form from a search, so a shared or reloaded URL shows what was asked. */
	#fill(search: SearchParams) {
		const form = this.querySelector('form')!;
		for (const key of ['q', 'section', 'year', 'sort'] as const) {
			const control = form.elements.namedItem(key) as HTMLInputElement | HTMLSelectElement | null;
			if (control) control.value = search[key];
		}
	}

	#loadShardList(): Promise<ShardList> {
		this.#shardList ??= fetch(`${this.#config.bundle}${SHARDS_FILE}`).then((response) => {
			if (!response.ok) throw new Error(`the search index's shard list: HTTP ${response.status}`);
			return response.json() as Promise<ShardList>;
		});
		return this.#shardList;
	}

	/**
	 * Pagefind with the indexes of `shards` loaded, lazily: the first shard a search needs loads
	 * Pagefind itself (its script, worker and WebAssembly, from that shard's folder), the others are
	 * merged into it, without loading Pagefind again. A search by year loads the shard of that year only.
	 */
	async #loadShards(shards: string[]): Promise<Pagefind> {
		if (!this.#pagefind) {
			const basePath = `${this.#config.bundle}${shards[0]}/`;
			this.#pagefind = (async () => {
				const pagefind = (await import(/* @vite-ignore */ `${basePath}pagefind.js`)) as Pagefind;
				await pagefind.options({ basePath });
				await pagefind.init();
				await pagefind.options({ mergeFilter: { [SHARD_FILTER]: [shards[0]!] } });
				return pagefind;
			})();
			this.#loaded.set(
				shards[0]!,
				this.#pagefind.then(() => undefined),
			);
		}
		const pagefind = await this.#pagefind;
		for (const shard of shards)
			if (!this.#loaded.has(shard))
				this.#loaded.set(
					shard,
					pagefind.mergeIndex(`${this.#config.bundle}${shard}/`, {
						mergeFilter: { [SHARD_FILTER]: [shard] },
					}),
				);
		await Promise.all(shards.map((shard) => this.#loaded.get(shard)));
		return pagefind;
	}

	/**
	 * The filters that ask one shard (every loaded index answers a Pagefind search) and, with a
	 * year, that year within it: a shard of several years needs the records' `year` filter, which
	 * loads that shard's filter file; a shard of one year is that year already.
	 */
	#shardFilters(list: ShardList, shard: string, year: string): Record<string, string> {
		const filters: Record<string, string> = { [SHARD_FILTER]: shard };
		const several = (list.shards.find((entry) => entry.name === shard)?.years.length ?? 0) > 1;
		if (year && several) filters.year = year;
		return filters;
	}

	/**
	 * The results of a query over `shards`: each shard searched on its own, then merged, newest
	 * first or by score.
	 */
	async #searchShards(
		pagefind: Pagefind,
		list: ShardList,
		shards: string[],
		query: string,
		search: SearchParams,
	): Promise<PagefindResult[]> {
		const byShard = await Promise.all(
			shards.map(async (shard) => {
				const filters = this.#shardFilters(list, shard, search.year);
				if (search.section) filters.section = search.section;
				const sort = search.sort === 'date' ? { sort: { date: 'desc' as const } } : {};
				return (await pagefind.search(query, { filters, ...sort })).results;
			}),
		);
		return search.sort === 'date' ? newestFirst(byShard) : mergeByScore(byShard);
	}

	async #run(search: SearchParams) {
		const id = ++this.#current;
		this.#fill(search);
		const region = this.querySelector('.search-results')!;
		const status = this.querySelector('.search-status')!;
		const list = this.querySelector('.search-list')!;
		const more = this.querySelector<HTMLButtonElement>('.search-more')!;
		const suggestion = this.querySelector<HTMLElement>('.search-suggestion')!;
		suggestion.hidden = true;
		const { strings } = this.#config;
		this.#words = queryWords(search.q);
		if (!search.q.trim()) {
			list.replaceChildren();
			more.hidden = true;
			status.textContent = strings.prompt;
			region.setAttribute('aria-busy', 'false');
			return;
		}
		region.setAttribute('aria-busy', 'true');
		status.textContent = strings.searching;
		try {
			let results: PagefindResult[] = [];
			let missing: string[] = [];
			const shardList = this.#words.length > 0 ? await this.#loadShardList() : { shards: [] };
			const shards = shardsToSearch(shardList, search.year);
			if (shards.length > 0) {
				const pagefind = await this.#loadShards(shards);
				// Pagefind falls back to similar words for a query word that is not in an index
				// («2022» would find «20»): each word is looked up exactly in each shard, or as a related
				// form the index has («سفراء» for «سفير»); a word that no shard has means no results, and a
				// shard that lacks one of the words is not asked.
				const counts = new Map<string, Promise<number[]>>();
				const countByShard = (form: string) => {
					if (!counts.has(form))
						counts.set(
							form,
							Promise.all(
								shards.map(
									async (shard) =>
										(
											await pagefind.search(exactQuery(form), {
												filters: this.#shardFilters(shardList, shard, search.year),
											})
										).results.length,
								),
							),
						);
					return counts.get(form)!;
				};
				const resolved = await resolveWords(
					this.#words,
					async (form) => (await countByShard(form)).reduce((sum, count) => sum + count, 0),
					search.q,
				);
				missing = resolved.missing;
				if (missing.length === 0) {
					this.#words = resolved.words;
					const having = shardsWithEvery(shards, await Promise.all(this.#words.map(countByShard)));
					results = await this.#searchShards(pagefind, shardList, having, pagefindQuery(this.#words), search);
				}
			}
			if (id !== this.#current) return;
			list.replaceChildren();
			this.#pending = results;
			if (results.length === 0) {
				status.textContent = strings.empty.replace('{query}', search.q.trim());
				await this.#suggest(id, search, missing);
			} else {
				status.textContent = this.#count(results.length);
				await this.#showMore(id);
			}
		} catch (error) {
			if (id !== this.#current) return;
			list.replaceChildren();
			more.hidden = true;
			status.textContent = strings.error;
			console.error(error);
		}
		if (id === this.#current) region.setAttribute('aria-busy', 'false');
	}

	/** Offers a corrected query, as a link that runs it, when misspelled words found nothing. */
	async #suggest(id: number, search: SearchParams, missing: string[]) {
		const corrected = await suggestQuery(search.q.trim(), missing, async (length) => {
			const response = await fetch(`${this.#config.bundle}${WORDS_FOLDER}/${length}.json`);
			return response.ok ? ((await response.json()) as CountedWord[]) : [];
		});
		if (!corrected || id !== this.#current) return;
		const suggestion = this.querySelector<HTMLElement>('.search-suggestion')!;
		const link = element('a', undefined, corrected);
		link.href = location.pathname + searchQueryString({ ...search, q: corrected });
		const [before = '', after = ''] = this.#config.strings.suggest.split('{query}');
		suggestion.replaceChildren(before, link, after);
		suggestion.hidden = false;
	}

	/** Renders the next page of results. */
	async #showMore(id = this.#current) {
		const next = this.#pending.splice(0, PAGE_SIZE);
		const data = await Promise.all(next.map((result) => result.data()));
		if (id !== this.#current) return;
		// Marks for the search benchmark: how long rendering takes once the data is here.
		performance.mark('search:data');
		const list = this.querySelector('.search-list')!;
		const first = list.children.length;
		list.append(...data.map((result) => this.#item(result)));
		this.querySelector<HTMLButtonElement>('.search-more')!.hidden = this.#pending.length === 0;
		performance.mark('search:rendered');
		// After "More results", keyboard focus moves to the first new result.
		if (first > 0) list.children[first]?.querySelector('a')?.focus();
		this.dispatchEvent(new CustomEvent('search-rendered', { bubbles: true }));
	}

	#item({ url, meta, content, filters }: PagefindData): HTMLLIElement {
		const item = element('li', 'search-result');
		const card = element('article', meta.image ? 'card card-thumbnail' : 'card');
		if (meta.image) {
			const image = element('img', 'card-image');
			image.src = meta.image;
			image.alt = '';
			image.loading = 'lazy';
			card.append(image);
		}
		const text = element('div', 'card-text');
		const heading = element('h2', 'card-title');
		const link = element('a');
		link.href = url;
		link.append(...marked(highlight(meta.title, this.#words)));
		heading.append(link);
		const summary = element('p', 'card-summary search-excerpt');
		summary.append(...marked(excerpt(content, this.#words)));
		const about = element('p', 'card-meta');
		const section = this.#config.sections[filters.section?.[0] ?? ''];
		if (section) about.append(element('span', undefined, section));
		const day = meta.day.replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3');
		const time = element(
			'time',
			undefined,
			formatShortDate(new Date(`${day}T00:00:00Z`), this.#config.locale, 'UTC'),
		);
		time.dateTime = day;
		about.append(time);
		text.append(heading, summary, about);
		card.append(text);
		item.append(card);
		return item;
	}

	#count(count: number): string {
		const form = count === 0 ? 'zero' : new Intl.PluralRules(this.#config.lang).select(count);
		return (this.#config.strings.count[form] ?? '').replace(
			'{count}',
			new Intl.NumberFormat(this.#config.intl).format(count),
		);
	}
}

/** A new element, with a class and text when given. */
function element<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	className?: string,
	text?: string,
): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className) node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

/** Segments as text nodes, the matched ones inside <mark>. */
function marked(segments: Segment[]): Node[] {
	return segments.map((segment) =>
		segment.match ? element('mark', undefined, segment.text) : document.createTextNode(segment.text),
	);
}

customElements.define('newsroom-search', NewsroomSearch);
