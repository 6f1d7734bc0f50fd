import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** The command line or the content tree is unusable: nothing is imported, nothing is written. */
export class SetupError extends Error {}

/** What every import command takes beside its own options. */
const COMMON_OPTIONS = {
	force: { type: 'boolean', default: false },
	content: { type: 'string', default: 'content' },
	help: { type: 'boolean', default: false },
} as const satisfies ParseArgsOptionsConfig;

/** An import command's arguments; an unknown or malformed option is a `SetupError`. */
export function parseImportArgs<O extends ParseArgsOptionsConfig>(argv: string[], options: O) {
	try {
		return parseArgs({ args: argv, allowPositionals: true, options: { ...options, ...COMMON_OPTIONS } });
	} catch (error) {
		throw new SetupError((error as Error).message);
	}
}
