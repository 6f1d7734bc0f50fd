/**
 * How the project starts Chromium (browser tests, Lighthouse, drawing the brand images): Debian's
 * build, since browser downloads are impossible here, overridable with CHROMIUM_PATH.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for a root user on a machine with no network: no sandbox (root), no GPU, and none of the
 * background connections Chromium otherwise keeps trying to make.
 */
export const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
];
