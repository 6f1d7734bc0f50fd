/** One thing wrong with one content file, as the content check reports it. */
export interface ContentProblem {
	/** Path of the file, relative to the project. */
	file: string;
	/** Front-matter field, or what else is wrong with the file (`slug`, `file`, `yaml`). */
	field: string;
	message: string;
	/** The 1-based line the field is on, where known. */
	line?: number;
}

/** The report of a content check, one line per problem: `file:line: field: message`. */
export function formatProblems(problems: ContentProblem[]): string {
	return [
		`${problems.length} problem${problems.length === 1 ? '' : 's'} in content:`,
		...problems.map((p) => `  ${p.file}${p.line ? `:${p.line}` : ''}: ${p.field}: ${p.message}`),
	].join('\n');
}

/** Every problem of a content tree, reported at once so one build shows them all. */
export class ContentError extends Error {
	constructor(readonly problems: ContentProblem[]) {
		super(formatProblems(problems));
		this.name = 'ContentError';
	}
}
