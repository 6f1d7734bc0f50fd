/**
 * A one-line progress bar on standard error, only when it is a terminal: logs and pipes get the
 * summary alone. Redrawn at most ten times a second.
 */
export function createProgress(
	total: number,
	stream: NodeJS.WriteStream = process.stderr,
): { update: (done: number, label: string) => void; done: () => void } {
	if (!stream.isTTY || total <= 0) return { update: () => {}, done: () => {} };
	let last = 0;
	let drawn = false;
	const width = 30;
	return {
		update(done, label) {
			const now = Date.now();
			if (now - last < 100) return;
			last = now;
			const share = Math.min(1, done / total);
			const filled = Math.round(share * width);
			stream.write(
				`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${label}   `,
			);
			drawn = true;
		},
		done() {
			if (drawn) stream.write(`\r${' '.repeat(width + 30)}\r`);
			drawn = false;
		},
	};
}
