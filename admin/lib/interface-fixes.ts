import { label } from '../labels.ts';
import ar from '../locales/ar.ts';

/** The site's languages by the codes Decap prints for them («AR», «EN»). */
const LOCALE_NAMES: Record<string, string> = { AR: label('locale.ar'), EN: label('locale.en') };
const LOCALE_CODE = /\b(AR|EN)$/;

/**
 * Words where Decap prints codes or addresses, and the language of each editor pane. Decap has no
 * setting for either: it names a pane's language by its upper-case code («الكتابة بلغة: EN») and
 * labels the header's site link with its address («/»). This watches the document and rewrites
 * those few text nodes, marks each pane with `data-pane-locale` so that the stylesheet can
 * write the English pane left to right (admin.css), and names what Decap leaves unnamed.
 */
export function fixInterface(root: Document): void {
	const apply = () => {
		for (const button of root.querySelectorAll<HTMLElement>("[class*='LocaleButton'][role='button']"))
			nameLocale(button);
		for (const item of root.querySelectorAll<HTMLElement>("[role='menuitem'] > span")) {
			const code = item.textContent?.trim() ?? '';
			if (code in LOCALE_NAMES) replaceText(item, code, LOCALE_NAMES[code]!);
		}
		for (const link of root.querySelectorAll<HTMLAnchorElement>("a[class*='AppHeaderSiteLink']"))
			replaceText(link, '/', label('site.link'));
		nameEditors(root);
		nameDraftSaves(root);
	};
	// Once a frame at most, before it is painted: typing in the body changes the document at every key.
	let queued = false;
	const schedule = () => {
		if (queued) return;
		queued = true;
		requestAnimationFrame(() => {
			queued = false;
			apply();
		});
	};
	new MutationObserver(schedule).observe(root, {
		childList: true,
		subtree: true,
		characterData: true,
		attributes: true,
		attributeFilter: ['aria-checked'],
	});
	apply();
}

/** The publish menu's words, and what they say while the entry is marked as a draft. */
const DRAFT_WORDS: [string, string][] = [
	[ar.editor.editorToolbar.publish, label('draft.save')],
	[ar.editor.editorToolbar.publishNow, label('draft.saveNow')],
	[ar.editor.editorToolbar.publishAndCreateNew, label('draft.saveAndCreateNew')],
	[ar.editor.editorToolbar.publishAndDuplicate, label('draft.saveAndDuplicate')],
	[ar.editor.editorToolbar.published, label('draft.saved')],
];

/**
 * While the «مسودة» switch is on, the publish menu says what a save does: it keeps the article
 * as a draft, off the site («احفظ مسودة», «مسودة محفوظة»), not «انشر الآن» and «منشور».
 * Decap's toolbar has one set of words whatever the entry's fields say.
 */
function nameDraftSaves(root: Document): void {
	// The Arabic pane's switch: the English pane's copy of a shared field does not follow it.
	const switches = root.querySelectorAll("[data-pane-locale='ar'] button[role='switch'][id^='draft-field-']");
	const own = switches[0] ?? root.querySelector("button[role='switch'][id^='draft-field-']");
	const draft = own?.getAttribute('aria-checked') === 'true';
	for (const element of root.querySelectorAll<HTMLElement>(
		"[class*='PublishButton'], [class*='PublishedToolbarButton'], [class*='PublishedButton'], [role='menuitem'] > span",
	))
		for (const [published, drafted] of DRAFT_WORDS)
			replaceText(element, draft ? published : drafted, draft ? drafted : published);
}

/**
 * Names Decap leaves out, for screen readers (and axe): the body editor's text box gets its field's
 * label, the rich-text/Markdown switch its name and state, and the button drawn inside each of
 * the toolbar's drop-down buttons (a control inside a control) is switched off.
 */
function nameEditors(root: Document): void {
	for (const editor of root.querySelectorAll<HTMLElement>("[data-slate-editor='true']:not([aria-label])")) {
		const field = editor.closest("[class*='ControlContainer']")?.querySelector('label')?.textContent?.trim();
		if (field) editor.setAttribute('aria-label', field);
	}
	for (const toggle of root.querySelectorAll<HTMLElement>(
		"[class*='Toolbar'] button[role='switch']:not([id])",
	)) {
		if (!toggle.hasAttribute('aria-label')) toggle.setAttribute('aria-label', label('editor.markdownMode'));
		if (!toggle.hasAttribute('aria-checked')) toggle.setAttribute('aria-checked', 'false');
	}
	// The menu's own button (a span) takes the clicks: admin.css lets them through the drawn one.
	for (const inner of root.querySelectorAll<HTMLButtonElement>(
		"[class*='ToolbarDropdownWrapper'] [role='button'] button:not([disabled])",
	))
		inner.disabled = true;
}

/** «الكتابة بلغة: EN» → «الكتابة بلغة: الإنجليزية», and the pane marked as English. */
function nameLocale(button: HTMLElement): void {
	const text = button.textContent ?? '';
	const code = LOCALE_CODE.exec(text)?.[1];
	const pane = button.closest("[class*='ControlPaneContainer']");
	if (!code) return;
	pane?.setAttribute('data-pane-locale', code.toLowerCase());
	replaceText(button, text, text.replace(LOCALE_CODE, LOCALE_NAMES[code]!));
}

/** Sets the text of `element`'s only text node, when it still reads `from`. */
function replaceText(element: Element, from: string, to: string): void {
	const node = [...element.childNodes].find(
		(child) => child.nodeType === Node.TEXT_NODE && child.nodeValue?.trim() === from.trim(),
	);
	if (node && node.nodeValue !== to) node.nodeValue = to;
}
