import { label } from '../labels.ts';

/** The site's languages by the codes Decap prints for them («AR», «EN»). */
const LOCALE_NAMES: Record<string, string> = { AR: label('locale.ar'), EN: label('locale.en') };
const LOCALE_CODE = /\b(AR|EN)$/;

/**
 * Words where Decap prints codes or addresses, and the language of each editor pane. Decap has no
 * setting for either: it names a pane's language by its upper-case code («الكتابة بلغة: EN») and
 * labels the header's site link with its address («/»). This watches the document and rewrites
 * those few text nodes, and marks each pane with `data-pane-locale` so that the stylesheet can
 * write the English pane left to right (admin.css).
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
	};
	new MutationObserver(apply).observe(root, { childList: true, subtree: true, characterData: true });
	apply();
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
