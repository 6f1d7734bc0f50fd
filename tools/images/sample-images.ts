/**
 * Draws the lead images of the sample articles (abstract SVG illustrations, no text) and writes
 * them to `content/media/` as 1600x900 JPEG files. Sample content: a newsroom deletes the
 * articles and these images together.
 *
 *   node --experimental-strip-types tools/images/sample-images.ts
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { seededRandom } from '../random.ts';

const W = 1600;
const H = 900;
const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../content/media');

const svg = (defs: string, body: string): string =>
	`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><defs>${defs}</defs>${body}</svg>`;

const linear = (id: string, stops: string[], x2 = 0, y2 = 1): string =>
	`<linearGradient id="${id}" x1="0" y1="0" x2="${x2}" y2="${y2}">${stops
		.map((color, i) => `<stop offset="${i / (stops.length - 1)}" stop-color="${color}"/>`)
		.join('')}</linearGradient>`;

const radial = (id: string, inner: string, outer: string, cx = 0.5, cy = 0.5, r = 0.5): string =>
	`<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="${r}"><stop offset="0" stop-color="${inner}"/><stop offset="1" stop-color="${outer}"/></radialGradient>`;

/** A row of buildings along `base`, in one colour. */
function skyline(seed: number, base: number, minH: number, maxH: number, color: string, opacity = 1): string {
	const rnd = seededRandom(seed);
	let x = -20;
	let out = '';
	while (x < W) {
		const w = 40 + rnd() * 90;
		const h = minH + rnd() * (maxH - minH);
		out += `<rect x="${x.toFixed(0)}" y="${(base - h).toFixed(0)}" width="${w.toFixed(0)}" height="${(h + 2).toFixed(0)}"/>`;
		if (rnd() < 0.2) {
			// A dome or a minaret now and then.
			const cx = x + w / 2;
			out +=
				rnd() < 0.5
					? `<circle cx="${cx.toFixed(0)}" cy="${(base - h).toFixed(0)}" r="${(w / 2.4).toFixed(0)}"/>`
					: `<rect x="${(cx - 7).toFixed(0)}" y="${(base - h - 90).toFixed(0)}" width="14" height="92"/>`;
		}
		x += w + rnd() * 6;
	}
	return `<g fill="${color}" opacity="${opacity}">${out}</g>`;
}

/** Lit windows on a dark skyline. */
function windows(seed: number, base: number, top: number, color: string): string {
	const rnd = seededRandom(seed);
	let out = '';
	for (let i = 0; i < 170; i++) {
		const x = rnd() * W;
		const y = top + rnd() * (base - top);
		out += `<rect x="${x.toFixed(0)}" y="${y.toFixed(0)}" width="6" height="9"/>`;
	}
	return `<g fill="${color}" opacity="0.55">${out}</g>`;
}

const images: Record<string, () => string> = {
	/** Economy: a calm line chart over a night skyline, rates on hold. */
	'central-bank-rates': () => {
		const rnd = seededRandom(11);
		let bars = '';
		for (let i = 0; i < 22; i++) {
			const h = 80 + rnd() * 220 + i * 6;
			bars += `<rect x="${120 + i * 62}" y="${640 - h}" width="36" height="${h}" rx="4"/>`;
		}
		const points = Array.from({ length: 23 }, (_, i) => {
			const y = 420 - 110 * Math.tanh((i - 8) / 4) + Math.sin(i * 1.3) * 18;
			return `${110 + i * 62},${y.toFixed(0)}`;
		}).join(' ');
		return svg(
			linear('sky', ['#0b1d3a', '#17365f', '#1f4f7a']) + linear('gold', ['#f5c76a', '#d99a2b'], 1, 0),
			`<rect width="${W}" height="${H}" fill="url(#sky)"/>` +
				`<g stroke="#ffffff" stroke-opacity="0.07" stroke-width="2">${Array.from({ length: 8 }, (_, i) => `<line x1="0" x2="${W}" y1="${120 + i * 80}" y2="${120 + i * 80}"/>`).join('')}</g>` +
				`<g fill="#5d8fc2" opacity="0.35">${bars}</g>` +
				`<polyline points="${points}" fill="none" stroke="url(#gold)" stroke-width="10" stroke-linejoin="round" stroke-linecap="round"/>` +
				`<circle cx="${110 + 22 * 62}" cy="${(420 - 110 * Math.tanh(14 / 4) + Math.sin(22 * 1.3) * 18).toFixed(0)}" r="18" fill="#f5c76a"/>` +
				skyline(12, H, 90, 230, '#081427') +
				windows(13, H, 700, '#f5c76a'),
		);
	},
	/** Local: a desalination plant by the sea at sunrise. */
	'desalination-plant': () =>
		svg(
			linear('sky', ['#f6d5a8', '#f2a97e', '#7fb4c9']) +
				linear('sea', ['#2f7ea0', '#10445e']) +
				radial('sun', '#fff4d6', '#f8c27a'),
			`<rect width="${W}" height="${H}" fill="url(#sky)"/>` +
				`<circle cx="1180" cy="430" r="120" fill="url(#sun)"/>` +
				`<g fill="#3d5566">` +
				`<rect x="240" y="360" width="520" height="210" rx="6"/>` +
				`<rect x="300" y="250" width="46" height="120"/><rect x="390" y="210" width="46" height="160"/>` +
				Array.from({ length: 6 }, (_, i) => `<circle cx="${820 + i * 70}" cy="540" r="32"/>`).join('') +
				`<rect x="800" y="538" width="420" height="34"/></g>` +
				`<g fill="#ffffff" opacity="0.35">${Array.from({ length: 9 }, (_, i) => `<rect x="${270 + i * 54}" y="400" width="30" height="44" rx="3"/>`).join('')}</g>` +
				`<rect y="565" width="${W}" height="${H - 565}" fill="url(#sea)"/>` +
				`<g fill="none" stroke="#cfe9f2" stroke-opacity="0.45" stroke-width="4" stroke-linecap="round">${Array.from(
					{ length: 9 },
					(_, i) => {
						const y = 610 + i * 32;
						const off = (i % 2) * 90;
						return `<path d="M${-100 + off} ${y} q 90 -16 180 0 t 180 0 t 180 0 t 180 0 t 180 0 t 180 0 t 180 0 t 180 0 t 180 0 t 180 0"/>`;
					},
				).join('')}</g>` +
				`<rect x="0" y="555" width="${W}" height="14" fill="#2a3d4a"/>`,
		),
	/** Technology: a neural network of glowing nodes. */
	'ai-network': () => {
		const rnd = seededRandom(31);
		const nodes = Array.from({ length: 70 }, () => ({
			x: 60 + rnd() * (W - 120),
			y: 60 + rnd() * (H - 120),
			r: 4 + rnd() * 10,
		}));
		let lines = '';
		for (const a of nodes) {
			for (const b of nodes) {
				const d = Math.hypot(a.x - b.x, a.y - b.y);
				if (a !== b && a.x < b.x && d < 230) {
					lines += `<line x1="${a.x.toFixed(0)}" y1="${a.y.toFixed(0)}" x2="${b.x.toFixed(0)}" y2="${b.y.toFixed(0)}" stroke-opacity="${(0.55 - d / 500).toFixed(2)}"/>`;
				}
			}
		}
		return svg(
			linear('bg', ['#120a2e', '#2b1457', '#0d3b66'], 1, 1) +
				radial('glow', '#7c5cff', '#120a2e', 0.5, 0.5, 0.5) +
				radial('dot', '#ffffff', '#6ee7f9'),
			`<rect width="${W}" height="${H}" fill="url(#bg)"/>` +
				`<ellipse cx="800" cy="450" rx="620" ry="380" fill="url(#glow)" opacity="0.55"/>` +
				`<g stroke="#8fd3ff" stroke-width="2">${lines}</g>` +
				`<g fill="url(#dot)">${nodes.map((n) => `<circle cx="${n.x.toFixed(0)}" cy="${n.y.toFixed(0)}" r="${n.r.toFixed(1)}"/>`).join('')}</g>`,
		);
	},
	/** Sports: a floodlit football pitch seen from above. */
	'football-pitch': () =>
		svg(
			radial('light', '#5fbf5a', '#1e5a24', 0.5, 0.45, 0.75),
			`<rect width="${W}" height="${H}" fill="url(#light)"/>` +
				`<g fill="#ffffff" opacity="0.06">${Array.from({ length: 8 }, (_, i) => `<rect x="${i * 200}" width="100" height="${H}"/>`).join('')}</g>` +
				`<g fill="none" stroke="#ffffff" stroke-opacity="0.85" stroke-width="6">` +
				`<rect x="80" y="70" width="1440" height="760"/>` +
				`<line x1="800" y1="70" x2="800" y2="830"/><circle cx="800" cy="450" r="120"/>` +
				`<rect x="80" y="250" width="220" height="400"/><rect x="80" y="350" width="80" height="200"/>` +
				`<rect x="1300" y="250" width="220" height="400"/><rect x="1440" y="350" width="80" height="200"/>` +
				`<path d="M300 380 A 95 95 0 0 1 300 520"/><path d="M1300 380 A 95 95 0 0 0 1300 520"/></g>` +
				`<circle cx="800" cy="450" r="10" fill="#ffffff"/>` +
				`<g fill="#ffffff"><circle cx="1040" cy="300" r="26"/></g>` +
				`<g fill="none" stroke="#ffffff" stroke-opacity="0.4" stroke-width="5" stroke-dasharray="4 18" stroke-linecap="round"><path d="M1010 320 Q 900 420 700 520"/></g>` +
				`<ellipse cx="1052" cy="340" rx="24" ry="7" fill="#000000" opacity="0.25"/>`,
		),
	/** Health: soft cells, a virus and a protective shield. */
	'vaccine-cells': () => {
		const rnd = seededRandom(51);
		let cells = '';
		for (let i = 0; i < 26; i++) {
			const x = rnd() * W;
			const y = rnd() * H;
			const r = 30 + rnd() * 110;
			cells += `<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="${r.toFixed(0)}" fill="url(#cell)" opacity="${(0.25 + rnd() * 0.45).toFixed(2)}"/>`;
		}
		const spikes = Array.from({ length: 16 }, (_, i) => {
			const a = (i / 16) * Math.PI * 2;
			return `<line x1="${(1100 + Math.cos(a) * 150).toFixed(0)}" y1="${(450 + Math.sin(a) * 150).toFixed(0)}" x2="${(1100 + Math.cos(a) * 200).toFixed(0)}" y2="${(450 + Math.sin(a) * 200).toFixed(0)}"/><circle cx="${(1100 + Math.cos(a) * 210).toFixed(0)}" cy="${(450 + Math.sin(a) * 210).toFixed(0)}" r="14"/>`;
		}).join('');
		return svg(
			linear('bg', ['#e8f6f5', '#bfe5e3', '#7cc7c4'], 1, 1) +
				radial('cell', '#ffffff', '#5fb3b0', 0.4, 0.4, 0.6) +
				radial('virus', '#f08a7e', '#c2493f', 0.4, 0.4, 0.6),
			`<rect width="${W}" height="${H}" fill="url(#bg)"/>` +
				cells +
				`<g stroke="#c2493f" stroke-width="10" fill="#c2493f" opacity="0.85">${spikes}</g>` +
				`<circle cx="1100" cy="450" r="155" fill="url(#virus)"/>` +
				`<path d="M420 250 L620 320 L620 480 Q620 620 420 700 Q220 620 220 480 L220 320 Z" fill="#1f7a77" opacity="0.9"/>` +
				`<path d="M420 330 L420 600 M300 465 L540 465" stroke="#ffffff" stroke-width="46" stroke-linecap="round"/>`,
		);
	},
	/** World: a globe made of water, with drops. */
	'water-globe': () => {
		const meridians = Array.from(
			{ length: 6 },
			(_, i) => `<ellipse cx="800" cy="450" rx="${40 + i * 56}" ry="320"/>`,
		).join('');
		const parallels = Array.from({ length: 7 }, (_, i) => {
			const y = 450 + (i - 3) * 90;
			const rx = Math.sqrt(Math.max(0, 320 ** 2 - (y - 450) ** 2));
			return `<line x1="${(800 - rx).toFixed(0)}" y1="${y}" x2="${(800 + rx).toFixed(0)}" y2="${y}"/>`;
		}).join('');
		const drop = (x: number, y: number, s: number) =>
			`<path transform="translate(${x} ${y}) scale(${s})" d="M0 -60 C 20 -25 40 0 40 22 A 40 40 0 0 1 -40 22 C -40 0 -20 -25 0 -60 Z"/>`;
		return svg(
			linear('bg', ['#03223f', '#064b73', '#0a6c8f'], 1, 1) +
				radial('globe', '#5cc6e8', '#0b4f7c', 0.38, 0.35, 0.7),
			`<rect width="${W}" height="${H}" fill="url(#bg)"/>` +
				`<circle cx="800" cy="450" r="330" fill="#ffffff" opacity="0.06"/>` +
				`<circle cx="800" cy="450" r="320" fill="url(#globe)"/>` +
				`<g fill="none" stroke="#d8f3ff" stroke-opacity="0.35" stroke-width="3">${meridians}${parallels}</g>` +
				`<g fill="#8fe0ff" opacity="0.8">${drop(260, 260, 1.4)}${drop(1340, 640, 1.8)}${drop(1320, 220, 0.9)}${drop(300, 690, 1)}</g>`,
		);
	},
	/** Politics: a domed parliament at dusk. */
	'parliament-dome': () => {
		const columns = Array.from(
			{ length: 12 },
			(_, i) => `<rect x="${470 + i * 56}" y="470" width="26" height="230"/>`,
		).join('');
		return svg(
			linear('sky', ['#2c1e4a', '#8a3f5f', '#e98a5a', '#f6c987']),
			`<rect width="${W}" height="${H}" fill="url(#sky)"/>` +
				skyline(71, 760, 60, 170, '#3a2445', 0.6) +
				`<g fill="#1f1630">` +
				`<path d="M560 400 A 240 240 0 0 1 1040 400 Z"/><rect x="540" y="395" width="520" height="30"/>` +
				`<rect x="790" y="120" width="20" height="60"/><circle cx="800" cy="170" r="18"/>` +
				`<path d="M740 175 Q 800 110 860 175 L 870 200 L 730 200 Z"/><rect x="740" y="196" width="120" height="16"/>` +
				`<path d="M420 470 L800 425 L1180 470 Z"/>${columns}` +
				`<rect x="400" y="700" width="800" height="30"/><rect x="360" y="730" width="880" height="30"/>` +
				`<rect y="758" width="${W}" height="${H - 758}"/></g>`,
		);
	},
	/** Culture: shelves of books under an arch of geometric pattern. */
	'book-fair': () => {
		const rnd = seededRandom(81);
		const palette = ['#b5473a', '#e0a042', '#2f6f73', '#3c4a7a', '#8a5a3c', '#d8cbb0', '#6b8f4e'];
		let books = '';
		for (const shelf of [330, 530, 730]) {
			let x = 260;
			while (x < 1340) {
				const w = 26 + rnd() * 34;
				const h = 120 + rnd() * 60;
				const color = palette[Math.floor(rnd() * palette.length)];
				const lean = rnd() < 0.08 ? ` transform="rotate(-8 ${(x + w).toFixed(0)} ${shelf})"` : '';
				books += `<rect x="${x.toFixed(0)}" y="${(shelf - h).toFixed(0)}" width="${w.toFixed(0)}" height="${h.toFixed(0)}" fill="${color}"${lean}/>`;
				x += w + 3;
			}
		}
		const stars = Array.from({ length: 14 }, (_, i) => {
			const x = 60 + (i % 2) * 80 + (i >= 7 ? 1360 : 0);
			const y = 80 + (i % 7) * 120;
			return `<g transform="translate(${x} ${y})"><rect x="-24" y="-24" width="48" height="48"/><rect x="-24" y="-24" width="48" height="48" transform="rotate(45)"/></g>`;
		}).join('');
		return svg(
			linear('bg', ['#f3e6cc', '#e6d1a8']) + linear('wood', ['#6b4226', '#4a2c18']),
			`<rect width="${W}" height="${H}" fill="url(#bg)"/>` +
				`<g fill="#c9a56a" opacity="0.5">${stars}</g>` +
				`<path d="M220 ${H} L220 260 Q220 40 800 40 Q1380 40 1380 260 L1380 ${H} Z" fill="#f9f1e0"/>` +
				books +
				`<g fill="url(#wood)"><rect x="240" y="330" width="1120" height="18"/><rect x="240" y="530" width="1120" height="18"/><rect x="240" y="730" width="1120" height="18"/></g>` +
				`<path d="M220 ${H} L220 260 Q220 40 800 40 Q1380 40 1380 260 L1380 ${H}" fill="none" stroke="#8a5a3c" stroke-width="14"/>`,
		);
	},
	/** Local: a metro train crossing a viaduct in front of the city. */
	'metro-line': () =>
		svg(
			linear('sky', ['#9fd3f0', '#d7eef8', '#f4f0e6']) + linear('train', ['#f2f2f2', '#c9ced6']),
			`<rect width="${W}" height="${H}" fill="url(#sky)"/>` +
				skyline(91, 640, 120, 380, '#8fa7b8', 0.7) +
				skyline(92, 700, 60, 200, '#6a8294') +
				`<rect y="620" width="${W}" height="26" fill="#4f5d68"/>` +
				`<g fill="#4f5d68">${Array.from({ length: 9 }, (_, i) => `<rect x="${60 + i * 190}" y="640" width="34" height="${H - 640}"/>`).join('')}</g>` +
				`<rect y="700" width="${W}" height="${H - 700}" fill="#d9d2c0" opacity="0.6"/>` +
				`<g><rect x="260" y="520" width="1080" height="98" rx="40" fill="url(#train)"/>` +
				`<rect x="260" y="580" width="1080" height="14" fill="#1c8c5e"/>` +
				`<g fill="#2b3a4a">${Array.from({ length: 12 }, (_, i) => `<rect x="${320 + i * 82}" y="538" width="56" height="30" rx="6"/>`).join('')}</g>` +
				`<path d="M1300 520 Q 1370 540 1372 600 L1340 618 Z" fill="#1c8c5e"/></g>`,
		),
	/** Opinion on energy: solar panels in the desert and a large sun. */
	'solar-field': () => {
		const rows = Array.from({ length: 4 }, (_, r) =>
			Array.from({ length: 9 - r }, (_, i) => {
				const w = 150 - r * 22;
				const x = 60 + i * (w + 30) + r * 80;
				const y = 820 - r * 90;
				return `<path d="M${x} ${y} L${x + w} ${y} L${x + w - 30} ${y - 50} L${x - 20} ${y - 50} Z"/>`;
			}).join(''),
		).join('');
		return svg(
			linear('sky', ['#f7b267', '#f4845f', '#f27059']) +
				linear('sand', ['#e9c46a', '#d4a373']) +
				linear('panel', ['#264653', '#1d3557']) +
				radial('sun', '#fff3c4', '#ffd166'),
			`<rect width="${W}" height="${H}" fill="url(#sky)"/>` +
				`<circle cx="1180" cy="300" r="170" fill="url(#sun)"/>` +
				`<circle cx="1180" cy="300" r="230" fill="#ffd166" opacity="0.18"/>` +
				`<path d="M0 560 Q 400 500 800 560 T 1600 540 L1600 ${H} L0 ${H} Z" fill="url(#sand)"/>` +
				`<g fill="url(#panel)" stroke="#8ecae6" stroke-opacity="0.5" stroke-width="2">${rows}</g>`,
		);
	},
	/** English-only economy story: rising bars made of coins. */
	'fintech-chart': () => {
		const stacks = Array.from({ length: 7 }, (_, i) => {
			const n = 3 + i * 2;
			const x = 260 + i * 170;
			return Array.from(
				{ length: n },
				(_, k) => `<ellipse cx="${x}" cy="${760 - k * 32}" rx="62" ry="20"/>`,
			).join('');
		}).join('');
		return svg(
			linear('bg', ['#0f2027', '#203a43', '#2c5364'], 1, 1) + linear('coin', ['#ffe29a', '#e0a43a']),
			`<rect width="${W}" height="${H}" fill="url(#bg)"/>` +
				`<g stroke="#ffffff" stroke-opacity="0.08" stroke-width="2">${Array.from({ length: 10 }, (_, i) => `<line x1="${i * 170 + 90}" y1="0" x2="${i * 170 + 90}" y2="${H}"/>`).join('')}</g>` +
				`<g fill="url(#coin)" stroke="#a8741f" stroke-width="3">${stacks}</g>` +
				`<path d="M200 700 C 600 640 900 420 1420 170" fill="none" stroke="#7ee0c3" stroke-width="10" stroke-linecap="round"/>` +
				`<path d="M1420 170 l-70 6 m70 -6 l-22 66" fill="none" stroke="#7ee0c3" stroke-width="10" stroke-linecap="round"/>`,
		);
	},
	/** English-only culture story: an old manuscript page with arches. */
	manuscript: () => {
		const rnd = seededRandom(121);
		let lines = '';
		for (let i = 0; i < 13; i++) {
			const y = 250 + i * 38;
			const w = 380 + rnd() * 120;
			lines += `<rect x="${1130 - w}" y="${y}" width="${w.toFixed(0)}" height="8" rx="4"/>`;
		}
		return svg(
			radial('bg', '#3b2a1e', '#1a120c', 0.5, 0.5, 0.8) + linear('page', ['#f2e3c0', '#dcc49a'], 1, 1),
			`<rect width="${W}" height="${H}" fill="url(#bg)"/>` +
				`<g fill="none" stroke="#8a6a3f" stroke-opacity="0.35" stroke-width="6">${Array.from({ length: 5 }, (_, i) => `<path d="M${i * 340 - 60} ${H} L${i * 340 - 60} 260 Q${i * 340 + 110} 60 ${i * 340 + 280} 260 L${i * 340 + 280} ${H}"/>`).join('')}</g>` +
				`<g transform="rotate(-4 800 450)"><rect x="420" y="130" width="760" height="640" rx="8" fill="url(#page)"/>` +
				`<rect x="460" y="170" width="680" height="560" fill="none" stroke="#9c3b2e" stroke-width="6"/>` +
				`<rect x="475" y="185" width="650" height="530" fill="none" stroke="#2f5f5a" stroke-width="3"/>` +
				`<g fill="#3a2a1a" opacity="0.75">${lines}</g>` +
				`<circle cx="560" cy="300" r="46" fill="none" stroke="#b8892e" stroke-width="8"/><circle cx="560" cy="300" r="18" fill="#9c3b2e"/></g>`,
		);
	},
};

await mkdir(outDir, { recursive: true });
for (const [name, draw] of Object.entries(images)) {
	const file = path.join(outDir, `${name}.jpg`);
	const info = await sharp(Buffer.from(draw()))
		.jpeg({ quality: 80, mozjpeg: true, chromaSubsampling: '4:2:0' })
		.toFile(file);
	console.log(
		`${path.relative(process.cwd(), file)}  ${info.width}x${info.height}  ${(info.size / 1024).toFixed(0)} KB`,
	);
}
