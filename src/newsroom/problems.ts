/** One thing wrong with one content file. */
export interface ContentProblem {
	/** Path of the file, relative to the project. */
	file: string;
	/** Front-matter field, or what else is wrong with the file (`slug`, `file`). */
	field: string;
	message: string;
}

/** Every problem of a content tree, reported at once so one build shows them all. */
export class ContentError extends Error {
	constructor(readonly problems: ContentProblem[]) {
		super(
			`${problems.length} problem${problems.length === 1 ? '' : 's'} in content:\n` +
				problems.map((p) => `  ${p.file}: ${p.field}: ${p.message}`).join('\n'),
		);
		this.name = 'ContentError';
	}
}
