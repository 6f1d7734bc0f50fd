import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { nodeVersionProblem } from '#src/cli/node-version.mjs';

describe('the Node version check before every npm script', () => {
	test.each(['20.19.2', '22.11.0', '18.20.8'])(
		'Node %s is refused in one line that says how to get Node 22',
		(version) => {
			const problem = nodeVersionProblem(version);
			expect(problem).toContain(`this is Node ${version}`);
			expect(problem).toContain('Node 22.12 or newer');
			expect(problem).toContain('node@22');
			expect(problem).not.toContain('\n');
		},
	);

	test.each(['22.12.0', '22.23.1', '23.0.0', '24.3.0'])('Node %s runs', (version) => {
		expect(nodeVersionProblem(version)).toBeUndefined();
	});

	test('as a script on this Node, it lets the command go on and prints nothing', () => {
		const run = spawnSync(process.execPath, ['src/cli/node-version.mjs'], { encoding: 'utf8' });
		expect(run.status).toBe(0);
		expect(run.stdout + run.stderr).toBe('');
	});

	test('every npm script starts with the check', async () => {
		const { scripts } = (await import('../../../package.json', { with: { type: 'json' } })).default as {
			scripts: Record<string, string>;
		};
		for (const [name, command] of Object.entries(scripts))
			expect(command, name).toMatch(/^node src\/cli\/node-version\.mjs( && |$)/);
	});
});
