import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { expect, test } from 'vitest';
import { projectRoot } from '../../helpers/site-copy.ts';

/** The GitHub Pages workflow, as GitHub reads it. */
interface Workflow {
	on: { push?: { branches?: string[] }; schedule?: { cron: string }[] };
	concurrency?: { group: string; 'cancel-in-progress': boolean };
	jobs: Record<
		string,
		{ if?: string; steps: { uses?: string; run?: string; with?: Record<string, string> }[] }
	>;
}

const workflow = load(readFileSync(join(projectRoot, '.github/workflows/pages.yml'), 'utf8')) as Workflow;

test('publishes on pushes to main only (cms/... drafts never publish)', () => {
	expect(workflow.on.push?.branches).toEqual(['main']);
});

test('checks every five minutes whether a scheduled article is due, and builds then or hourly', () => {
	const crons = workflow.on.schedule?.map(({ cron }) => cron) ?? [];
	expect(crons).toContain('*/5 * * * *');
	const check = workflow.jobs.check!.steps.map((step) => step.run ?? step.uses ?? '').join('\n');
	expect(check).toContain('src/cli/schedule.ts due --since "$since" --max-age 60');
	// The check installs nothing: it reads front matter with Node alone.
	expect(check).not.toContain('npm ci');
	expect(workflow.jobs.build!.if).toContain("needs.check.outputs.build == 'true'");
	// The time recorded is taken before the build, and saved only after it succeeded.
	const build = workflow.jobs.build!.steps.map((step) => step.run ?? step.uses ?? '');
	const recorded = build.findIndex((step) => step.includes('> .newsroom-last-build'));
	expect(recorded).toBeGreaterThan(-1);
	expect(recorded).toBeLessThan(build.indexOf('npm run build'));
	expect(build.findIndex((step) => step.startsWith('actions/cache/save'))).toBeGreaterThan(
		build.indexOf('npm run check:site -- dist'),
	);
});

test('builds, checks the built site, then publishes it, one run at a time', () => {
	const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
	const order = [
		'npm ci',
		'npm run build',
		'npm run check:site -- dist',
		'actions/upload-pages-artifact',
		'actions/deploy-pages',
	];
	const positions = order.map((what) =>
		steps.findIndex((step) => (step.run ?? step.uses ?? '').startsWith(what)),
	);
	expect(positions.every((position) => position >= 0)).toBe(true);
	expect([...positions].sort((a, b) => a - b)).toEqual(positions);
	expect(steps.find((step) => step.uses?.startsWith('actions/setup-node'))?.with?.['node-version-file']).toBe(
		'.nvmrc',
	);
	expect(workflow.concurrency?.['cancel-in-progress']).toBe(false);
});
