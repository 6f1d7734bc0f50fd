import { asciiFileName } from './lib/media-name.ts';

/**
 * Renames files chosen in the CMS's upload dialogs to ASCII-safe names before Decap reads them.
 * Decap names an upload after the file (through its slug rules, which drop Arabic letters), and
 * offers no hook for it; a capturing listener on the document runs before React's own handler and
 * swaps the input's file list for renamed copies.
 */
export function renameUploads(root: Document): void {
	root.addEventListener(
		'change',
		(event) => {
			const input = event.target;
			if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.files?.length) return;
			const files = [...input.files];
			const renamed = files.map(
				(file) =>
					new File([file], asciiFileName(file.name), { type: file.type, lastModified: file.lastModified }),
			);
			if (renamed.every((file, index) => file.name === files[index]!.name)) return;
			const transfer = new DataTransfer();
			for (const file of renamed) transfer.items.add(file);
			input.files = transfer.files;
		},
		true,
	);
}
