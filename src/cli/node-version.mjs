// Plain JavaScript that any Node can parse: it runs before every npm script, on whatever Node
// the machine has, and stops an older one with one line that says what to do.

/** The oldest Node the project runs on: type stripping (`--experimental-strip-types`) came in 22.12. */
export const NEEDED = [22, 12];

/** Why `version` (e.g. "20.19.2") cannot run the project, or undefined when it can. */
export function nodeVersionProblem(version) {
	const [major, minor] = version.split('.').map(Number);
	if (major > NEEDED[0] || (major === NEEDED[0] && minor >= NEEDED[1])) return undefined;
	return (
		`This project needs Node ${NEEDED.join('.')} or newer; this is Node ${version}. ` +
		'Get it with `npm install --no-save --no-package-lock --prefix .tools node@22 && export PATH="$PWD/.tools/node_modules/.bin:$PATH"` (or `nvm install 22`).'
	);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
	const problem = nodeVersionProblem(process.versions.node);
	if (problem) {
		console.error(problem);
		process.exit(1);
	}
}
