import type { CmsWidgetControlProps } from 'decap-cms-core';
import { Component, createElement as h } from 'react';
import { ID_PATTERN } from '../../src/schemas/patterns.ts';
import { label } from '../labels.ts';
import { suggestSlug, type EntryLike } from '../lib/slug-suggestion.ts';

type Props = CmsWidgetControlProps<string> & {
	entry?: EntryLike;
	getEntry?: () => EntryLike | undefined;
	setActiveStyle?: () => void;
	setInactiveStyle?: () => void;
};

/**
 * The slug (file name) field. A new entry gets a left-to-right text box that follows the headline
 * (the English one when there is one, else the Arabic one transliterated as the importer does)
 * until the editor types a slug of their own, and says at once, in Arabic, what is wrong with a
 * slug typed by hand. A saved entry shows its slug read-only, because Decap never renames a saved
 * file: changing the value would only make the form disagree with the file name (and break links
 * to it). A class, because Decap asks the control's instance for the value to validate and for
 * whether to re-render: a saved entry's slug is its file name, which is not in the file.
 */
export class SlugControl extends Component<Props> {
	/** The last slug this control suggested: while the value is still that, the headline leads. */
	private suggested = '';

	/** The file name of a saved entry; undefined for a new one. */
	saved(): string | undefined {
		const { entry } = this.props;
		return entry?.get('newRecord') === false ? (entry.get('slug') as string | undefined) : undefined;
	}

	/** Called by Decap's validation instead of reading `value`. */
	getValidateValue(): string | undefined {
		return this.saved() ?? this.props.value;
	}

	/**
	 * Decap re-renders a widget only when its own value changes, and passes no live entry: the
	 * headline is read from the store (`getEntry`) after each keystroke in any field of the form.
	 */
	private readonly onInput = () => setTimeout(() => this.mounted && this.follow());
	private mounted = false;

	override componentDidMount() {
		this.mounted = true;
		document.addEventListener('input', this.onInput, true);
		this.follow();
	}

	override componentWillUnmount() {
		this.mounted = false;
		document.removeEventListener('input', this.onInput, true);
	}

	private suggestion(): string {
		return this.saved() ? '' : suggestSlug(this.props.getEntry?.() ?? this.props.entry);
	}

	/** Writes the headline's slug while the editor has not typed one of their own. */
	private follow() {
		if (this.saved()) return;
		const next = this.suggestion();
		const { value, onChange } = this.props;
		const untouched = !value || value === this.suggested;
		this.suggested = next;
		if (untouched && next && next !== value) onChange(next);
	}

	override render() {
		const { value, onChange, forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
		const saved = this.saved();
		if (saved)
			return h('output', { id: forID, dir: 'ltr', className: classNameWrapper, 'data-slug': saved }, saved);
		const invalid = Boolean(value) && !ID_PATTERN.test(value ?? '');
		const messageId = `${forID}-message`;
		return h(
			'div',
			null,
			h('input', {
				type: 'text',
				id: forID,
				dir: 'ltr',
				className: classNameWrapper,
				value: value ?? '',
				autoComplete: 'off',
				spellCheck: false,
				autoCapitalize: 'none',
				'aria-invalid': invalid,
				'aria-describedby': messageId,
				onChange: (event: { target: { value: string } }) => onChange(event.target.value),
				onFocus: setActiveStyle,
				onBlur: setInactiveStyle,
			}),
			h(
				'p',
				{
					id: messageId,
					className: invalid ? 'slug-message slug-invalid' : 'slug-message',
					role: invalid ? 'alert' : undefined,
				},
				invalid
					? label('field.slug.pattern')
					: value && value === this.suggested
						? label('field.slug.suggested')
						: '',
			),
		);
	}
}

/** The slug in the preview: nothing, it is not part of the page. */
export function SlugPreview() {
	return null;
}
