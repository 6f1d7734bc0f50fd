import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import subsetFont from 'subset-font';
import { ARABIC_RANGES, charactersOf, LATIN_RANGES, unicodeRange } from './font-subsets.ts';

/** A font face the site serves: its source in node_modules, the characters it keeps, its CSS. */
export interface FontFace {
	/** File written under src/fonts/. */
	file: string;
	/** Source file under node_modules (an @fontsource package). */
	source: string;
	family: string;
	/** A number, or a range for a variable font. */
	weight: string;
	ranges: [number, number][];
}

export const fontFaces: FontFace[] = [
	{
		file: 'noto-naskh-arabic-400.woff2',
		source: '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2',
		family: 'Noto Naskh Arabic',
		weight: '400',
		ranges: ARABIC_RANGES,
	},
	{
		file: 'noto-naskh-arabic-700.woff2',
		source: '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2',
		family: 'Noto Naskh Arabic',
		weight: '700',
		ranges: ARABIC_RANGES,
	},
	{
		file: 'source-serif-4-latin.woff2',
		source: '@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2',
		family: 'Source Serif 4 Variable',
		weight: '200 900',
		ranges: LATIN_RANGES,
	},
];

/** The subset of a face, as WOFF2 bytes. HarfBuzz keeps the shaping (joining forms, ligatures) of what it keeps. */
export async function subsetFace(face: FontFace, root: string): Promise<Buffer> {
	const source = await readFile(resolve(root, 'node_modules', face.source));
	return subsetFont(source, charactersOf(face.ranges), { targetFormat: 'woff2' });
}

/** The stylesheet declaring the faces, with unicode-range so a page downloads only the faces it uses. */
export function fontFaceCss(faces: FontFace[]): string {
	const rules = faces.map(
		(face) =>
			`@font-face {\n\tfont-family: '${face.family}';\n\tfont-style: normal;\n\tfont-weight: ${face.weight};\n\tfont-display: swap;\n\tsrc: url('../fonts/${face.file}') format('woff2');\n\tunicode-range: ${unicodeRange(face.ranges)};\n}\n`,
	);
	return `/* Written by \`npm run fonts\` (tools/fonts/subset-fonts.ts) from the @fontsource packages: do not edit. */\n\n${rules.join('\n')}`;
}
