import { label } from '../labels.ts';

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
		for (const button of root.querySelectorAll<HTMLElement>("[class*='LocaleButton'][role='button']")) nameLocale(button);
		for (const item of root.querySelectorAll<HTMLElement>("[role='menuitem']")) {
			const code = item.textContent?.trim() ?? '';
			if (code in LOCALE_NAMES) replaceText(item, code, LOCALE_NAMES[code]!);
		}
		for (const link of root.querySelectorAll<HTMLAnchorElement>("a[class*='AppHeaderSiteLink']"))
			replaceText(link, '/', label('site.link'));
		nameEditors(root);
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
	new MutationObserver(schedule).observe(root, { childList: true, subtree: true, characterData: true });
	apply();
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
	for (const toggle of root.querySelectorAll<HTMLElement>("[class*='Toolbar'] button[role='switch']:not([id])")) {
		if (!toggle.hasAttribute('aria-label')) toggle.setAttribute('aria-label', label('editor.markdownMode'));
		if (!toggle.hasAttribute('aria-checked')) toggle.setAttribute('aria-checked', 'false');
	}
	// The menu's own button (a span) takes the clicks: admin.css lets them through the drawn one.
	for (const inner of root.querySelectorAll<HTMLButtonElement>("[class*='ToolbarDropdownWrapper'] [role='button'] button:not([disabled])"))
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
	const node = [...element.childNodes].find((child) => child.nodeType === Node.TEXT_NODE && child.nodeValue?.trim() === from.trim());
	if (node && node.nodeValue !== to) node.nodeValue = to;
}
