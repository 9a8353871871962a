/**
 * The picture a link to a report, company or pattern shows when it is shared (issue 18 item 4):
 * an SVG of 1200 × 630 (what OpenGraph readers crop least) with the page's name, its headline
 * figure and the n behind it. Text is measured by a rough width per character, never overflowing.
 */

/** What a card says: a kicker above the title, the headline figure, and smaller lines below. */
export type Card = {
	kicker: string;
	title: string;
	/** The headline figure in large type ("1,234 reports"). */
	figure?: string;
	lines: string[];
	/** The site's name, shown with its mark in the corner. */
	site: string;
};

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
const MARGIN = 72;
const TEXT_WIDTH = CARD_WIDTH - 2 * MARGIN;

const escapeXml = (s: string) =>
	s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\p{Cc}]/gu, ' ');

/**
 * DejaVu Sans's advance widths in ems, coarsely: capitals and wide letters about 0.72, narrow
 * ones about 0.32, everything else 0.6. Overestimating slightly keeps every line inside.
 */
function emWidth(text: string, bold: boolean): number {
	let width = 0;
	for (const c of text) {
		if (/[iljtf.,:;'!|() ]/.test(c)) width += 0.34;
		else if (/[MWmwОШЩЖМЮФ@%]/.test(c)) width += 0.9;
		else if (/[\p{Lu}\p{N}]/u.test(c)) width += 0.72;
		else width += 0.62;
	}
	return width * (bold ? 1.12 : 1);
}

/**
 * The text broken at spaces into at most `maxLines` lines of `size` px; a word longer than a line
 * is cut, and what does not fit ends in an ellipsis.
 */
export function wrapText(text: string, size: number, maxLines: number, bold = false): string[] {
	const fits = (s: string) => emWidth(s, bold) * size <= TEXT_WIDTH;
	const lines: string[] = [];
	let current = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const candidate = current ? `${current} ${word}` : word;
		if (fits(candidate)) {
			current = candidate;
			continue;
		}
		if (current) lines.push(current);
		current = word;
		while (!fits(current)) {
			let cut = current.length - 1;
			while (cut > 1 && !fits(current.slice(0, cut))) cut--;
			lines.push(current.slice(0, cut));
			current = current.slice(cut);
		}
	}
	if (current) lines.push(current);
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	let last = kept[maxLines - 1]!;
	while (last.length > 1 && !fits(`${last}…`)) last = last.slice(0, -1);
	kept[maxLines - 1] = `${last.trimEnd()}…`;
	return kept;
}

const textLine = (x: number, y: number, size: number, weight: string, fill: string, s: string) =>
	`<text x="${x}" y="${y}" font-size="${size}" font-weight="${weight}" fill="${fill}">${escapeXml(s)}</text>`;

/** The card as an SVG document, in the site's colours, with DejaVu Sans as its only font. */
export function cardSvg(card: Card): string {
	const parts: string[] = [];
	let y = 150;
	parts.push(textLine(MARGIN, y, 30, '400', '#7a2e0e', wrapText(card.kicker, 30, 1)[0] ?? ''));
	y += 26;
	const titleSize = emWidth(card.title, true) * 64 > TEXT_WIDTH * 2 ? 52 : 64;
	for (const line of wrapText(card.title, titleSize, 2, true)) {
		y += titleSize * 1.18;
		parts.push(textLine(MARGIN, y, titleSize, '700', '#1c1917', line));
	}
	if (card.figure) {
		y += 110;
		const figure = wrapText(card.figure, 72, 1, true)[0] ?? '';
		parts.push(textLine(MARGIN, y, 72, '700', '#7a2e0e', figure));
	}
	for (const [i, line] of card.lines.slice(0, 2).entries()) {
		y += i === 0 ? 64 : 52;
		parts.push(textLine(MARGIN, y, 32, '400', '#44403c', wrapText(line, 32, 1)[0] ?? ''));
	}
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" font-family="DejaVu Sans">`,
		`<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="#faf7f2"/>`,
		`<rect width="${CARD_WIDTH}" height="16" fill="#7a2e0e"/>`,
		`<g transform="translate(${MARGIN} 56)"><rect width="40" height="40" rx="8" fill="#7a2e0e"/>`,
		`<path d="M11 30V10h10a6 6 0 0 1 0 12H11m9 0 8 8" transform="translate(0 0)" fill="none" stroke="#fff" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/></g>`,
		textLine(MARGIN + 56, 86, 30, '700', '#1c1917', card.site),
		...parts,
		'</svg>'
	].join('');
}
