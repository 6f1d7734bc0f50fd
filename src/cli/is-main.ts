import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Whether the module at `moduleUrl` is the script node was started with: for modules that are
 * both a library and a command (the deploy commands, the CMS bundler's child, the corpus
 * generator). `import.meta.main` would do, but only exists from Node 22.18 on.
 */
export function isMain(moduleUrl: string): boolean {
	const script = process.argv[1];
	if (!script) return false;
	try {
		return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
	} catch {
		return false;
	}
}
