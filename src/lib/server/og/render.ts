/**
 * Share cards drawn to PNG on the server by resvg (decision 028), with the DejaVu fonts kept in
 * the repository (`assets/fonts`, their licence beside them) so every machine draws the same.
 * A card is drawn once per content: the PNG is kept under the hash of its SVG, so a page whose
 * figures did not move is not drawn again after an unrelated write, and its ETag stays.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { cardSvg, type Card } from './card';

const fontsFolder = resolve(process.env.FONTS_PATH ?? 'assets/fonts');
const fontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => resolve(fontsFolder, f));

/** A drawn card and the hash of what it shows. */
export type CardImage = { png: Uint8Array<ArrayBuffer>; hash: string };

/** The least recently asked cards go first; a card is about 30–60 kB. */
const MAX_KEPT = 200;
const kept = new Map<string, CardImage>();

/** How many cards were drawn since the process started (the cache test reads it). */
export let cardsDrawn = 0;

/** The card as a PNG, drawn unless the same card was drawn before. */
export function cardImage(card: Card): CardImage {
	const svg = cardSvg(card);
	const hash = createHash('sha256').update(svg).digest('base64url').slice(0, 27);
	const found = kept.get(hash);
	if (found) {
		kept.delete(hash);
		kept.set(hash, found);
		return found;
	}
	const resvg = new Resvg(svg, {
		font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' }
	});
	const image = { png: new Uint8Array(resvg.render().asPng()), hash };
	cardsDrawn++;
	kept.set(hash, image);
	if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
	return image;
}

/**
 * The HTTP answer for a card. Its ETag and Cache-Control come from the caching hook like every
 * public read's (decision 015): a 304 costs nothing, and a new data version redraws only cards
 * whose content moved.
 */
export function cardResponse(card: Card): Response {
	const { png } = cardImage(card);
	return new Response(png, {
		headers: { 'content-type': 'image/png', 'content-length': String(png.byteLength) }
	});
}
