import type { CmsWidgetControlProps } from 'decap-cms-core';
import { Component, createElement as h } from 'react';

type Props = CmsWidgetControlProps<string> & {
	entry?: { get(key: string): unknown };
	setActiveStyle?: () => void;
	setInactiveStyle?: () => void;
};

/**
 * The slug (file name) field. A new entry gets a left-to-right text box; a saved one shows its
 * slug read-only, because Decap never renames a saved file: changing the value would only make the
 * form disagree with the file name (and break links to it). A class, because Decap asks the
 * control's instance for the value to validate: a saved entry's slug is its file name, which is
 * not in the file, and filling the form with it would mark the entry as changed.
 */
export class SlugControl extends Component<Props> {
	/** The file name of a saved entry; undefined for a new one. */
	saved(): string | undefined {
		const { entry } = this.props;
		return entry?.get('newRecord') === false ? (entry.get('slug') as string | undefined) : undefined;
	}

	/** Called by Decap's validation instead of reading `value`. */
	getValidateValue(): string | undefined {
		return this.saved() ?? this.props.value;
	}

	override render() {
		const { value, onChange, forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
		const saved = this.saved();
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
}

/** The slug in the preview: nothing, it is not part of the page. */
export function SlugPreview() {
	return null;
}
