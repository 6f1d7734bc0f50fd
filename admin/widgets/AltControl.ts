import type { CmsWidgetControlProps } from 'decap-cms-core';
import { Component, createElement as h } from 'react';
import { label } from '../labels.ts';

interface EntryLike {
	getIn(path: string[]): unknown;
}

type Props = CmsWidgetControlProps<string> & {
	locale?: string;
	getEntry?: () => EntryLike | undefined;
	setActiveStyle?: () => void;
	setInactiveStyle?: () => void;
};

/**
 * The lead image's description: a text box that is required while the article has an image (in
 * a translation, once it has a headline: an untranslated copy is never written). Decap's
 * `required` cannot depend on another field; a widget's `isValid` can.
 */
export class AltControl extends Component<Props> {
	/** Called by Decap when the entry is saved. */
	isValid(): boolean | { error: { type: string; message: string } } {
		const { value, locale, getEntry } = this.props;
		const entry = getEntry?.();
		if (!entry || (value ?? '').trim()) return true;
		const data = !locale || locale === 'ar' ? ['data'] : ['i18n', locale, 'data'];
		const image = entry.getIn([...data, 'image']) ?? entry.getIn(['data', 'image']);
		const written = data.length === 1 || Boolean(entry.getIn([...data, 'title']));
		if (!image || !written) return true;
		return { error: { type: 'CUSTOM', message: label('field.imageAlt.required') } };
	}

	override render() {
		const { value, onChange, forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
		return h('input', {
			type: 'text',
			id: forID,
			className: classNameWrapper,
			value: value ?? '',
			onChange: (event: { target: { value: string } }) => onChange(event.target.value),
			onFocus: setActiveStyle,
			onBlur: setInactiveStyle,
		});
	}
}
