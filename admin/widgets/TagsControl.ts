import type { CmsWidgetControlProps } from 'decap-cms-core';
import { List } from 'immutable';
import { createElement as h, useEffect, useImperativeHandle, useState, type Ref } from 'react';
import { label } from '../labels.ts';
import { addTags, matchingTags } from '../lib/tags.ts';

type Props = { ref?: Ref<object> } & CmsWidgetControlProps<List<string> | string[] | undefined> & {
		locale?: string;
		setActiveStyle?: () => void;
		setInactiveStyle?: () => void;
	};

/** How many suggestions show under the box at once. */
const SHOWN = 8;

/** The site's tags per language, most used first (`choices.ts`). */
type SiteTags = { ar: string[]; en: string[] };

const NO_TAGS: SiteTags = { ar: [], en: [] };

/**
 * Tags as one field: the chosen tags as chips (each with its remove button), and one box where a
 * comma (Latin or Arabic «،») or Enter adds what was typed, with the site's own tags that match
 * offered under it. Decap's list widget made each tag a sub-form of its own. The site's tags are
 * fetched from `url` once, when the field first shows; without them the field works, unsuggested.
 */
export function tagsControl(url: string) {
	let loaded: SiteTags | undefined;
	let loading: Promise<SiteTags> | undefined;
	const load = () =>
		(loading ??= fetch(url)
			.then((response) => (response.ok ? (response.json() as Promise<SiteTags>) : NO_TAGS))
			.catch(() => NO_TAGS)
			.then((tags) => (loaded = tags)));
	return function TagsControl({
		value,
		onChange,
		forID,
		classNameWrapper,
		locale,
		setActiveStyle,
		setInactiveStyle,
		ref,
	}: Props) {
		// Decap validates through the control's ref (React 19 passes it as a prop): no check of its own here.
		useImperativeHandle(ref, () => ({}), []);
		const [text, setText] = useState('');
		const [known, setKnown] = useState(loaded);
		useEffect(() => {
			if (!known) void load().then(setKnown);
		}, [known]);
		const tags = toArray(value);
		const site = (known ?? NO_TAGS)[locale === 'en' ? 'en' : 'ar'];
		const suggestions = matchingTags(site, text, tags).slice(0, SHOWN);
		const commit = (typed: string) => {
			const next = addTags(tags, typed);
			if (next.length !== tags.length) onChange(List(next));
			setText('');
		};
		const remove = (tag: string) => onChange(List(tags.filter((item) => item !== tag)));
		const listId = `${forID}-suggestions`;
		return h(
			'div',
			{ className: `${classNameWrapper} newsroom-tags` },
			tags.length > 0 &&
				h(
					'ul',
					{ className: 'tag-chips' },
					...tags.map((tag) =>
						h(
							'li',
							{ key: tag, className: 'tag-chip', dir: 'auto' },
							h('span', null, tag),
							h(
								'button',
								{
									type: 'button',
									'aria-label': label('field.tags.remove').replace('%{tag}', tag),
									onClick: () => remove(tag),
								},
								'×',
							),
						),
					),
				),
			h('input', {
				id: forID,
				type: 'text',
				className: 'tag-input',
				value: text,
				autoComplete: 'off',
				role: 'combobox',
				'aria-expanded': suggestions.length > 0,
				'aria-controls': listId,
				'aria-autocomplete': 'list',
				onChange: (event: { target: { value: string } }) => {
					const typed = event.target.value;
					if (/[,،]/.test(typed)) commit(typed);
					else setText(typed);
				},
				onKeyDown: (event: { key: string; preventDefault(): void }) => {
					if (event.key !== 'Enter') return;
					event.preventDefault();
					commit(text);
				},
				onFocus: setActiveStyle,
				onBlur: () => {
					setInactiveStyle?.();
				},
			}),
			h(
				'ul',
				{ id: listId, role: 'listbox', className: 'tag-suggestions', hidden: suggestions.length === 0 },
				...suggestions.map((tag) =>
					h(
						'li',
						{
							key: tag,
							role: 'option',
							'aria-selected': false,
							dir: 'auto',
							onMouseDown: (event: { preventDefault(): void }) => event.preventDefault(),
							onClick: () => commit(tag),
						},
						tag,
					),
				),
			),
		);
	};
}

function toArray(value: Props['value']): string[] {
	if (!value) return [];
	const items = List.isList(value) ? (value as List<string>).toArray() : (value as string[]);
	return items.filter((item): item is string => typeof item === 'string');
}

/** The tags in the preview: shown by the article preview itself. */
export function TagsPreview() {
	return null;
}
