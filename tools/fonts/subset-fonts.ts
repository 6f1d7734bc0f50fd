/**
 * `npm run fonts`: cuts the site's fonts from their @fontsource packages down to the characters
 * of tools/fonts/font-subsets.ts and writes them to src/fonts/ with their stylesheet. The results are
 * committed; a test fails when they no longer match what this would write.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fontFaceCss, fontFaces, subsetFace } from './fonts.ts';

const root = resolve(import.meta.dirname, '../..');
await mkdir(resolve(root, 'src/fonts'), { recursive: true });
for (const face of fontFaces) {
	const bytes = await subsetFace(face, root);
	await writeFile(resolve(root, 'src/fonts', face.file), bytes);
	console.log(`src/fonts/${face.file}: ${(bytes.length / 1024).toFixed(1)} KB`);
}
await writeFile(resolve(root, 'src/styles/fonts.css'), fontFaceCss(fontFaces));
console.log('src/styles/fonts.css written');
