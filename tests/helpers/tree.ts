import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `root` with its bytes (base64), by its path from `root`: equal maps mean equal trees. */
export function readTree(root: string): Map<string, string> {
	const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
	return new Map(
		files.map((entry) => [
			join(entry.parentPath, entry.name).slice(root.length),
			readFileSync(join(entry.parentPath, entry.name), 'base64'),
		]),
	);
}
