import type { CmsWidgetControlProps } from 'decap-cms-core';
import { createElement as h, useEffect } from 'react';

type Props = CmsWidgetControlProps<string> & {
	entry?: { get(key: string): unknown };
	setActiveStyle?: () => void;
	setInactiveStyle?: () => void;
};

/**
 * The slug (file name) field. A new entry gets a left-to-right text box; an existing one shows its
 * slug read-only, because Decap never renames a saved file: changing the value would only make
 * the form disagree with the file name (and break links to it).
 */
export function SlugControl({ entry, value, onChange, forID, classNameWrapper, setActiveStyle, setInactiveStyle }: Props) {
	const saved = entry?.get('newRecord') === false ? (entry.get('slug') as string | undefined) : undefined;
	useEffect(() => {
		// The file name is not stored in the file: fill the form from it, so the required check passes.
		if (saved && value !== saved) onChange(saved);
	}, [saved, value, onChange]);
	if (saved) return h('output', { id: forID, dir: 'ltr', className: classNameWrapper, 'data-slug': saved }, saved);
	return h('input', {
		type: 'text',
		id: forID,
		dir: 'ltr',
		className: classNameWrapper,
		value: value ?? '',
		autoComplete: 'off',
		spellCheck: false,
		autoCapitalize: 'none',
		onChange: (event: { target: { value: string } }) => onChange(event.target.value.trim()),
		onFocus: setActiveStyle,
		onBlur: setInactiveStyle,
	});
}

/** The slug in the preview: nothing, it is not part of the page. */
export function SlugPreview() {
	return null;
}
