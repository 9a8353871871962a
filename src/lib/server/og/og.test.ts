import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { setRole, type Actor } from '../auth/roles';
import type { Connection } from '../db/client';
import { moderate } from '../moderation/moderation';
import { createTestDb } from '../testing/db';
import { makeCompany, makeReport, makeUser } from '../testing/factories';
import { cardSvg, wrapText, type Card } from './card';
import { companyCard, patternCard, reportCard } from './cards';
import { cardImage, cardsDrawn } from './render';
import { patternSlug } from '$lib/taxonomy';

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});
const original = getLocale;
afterEach(() => overwriteGetLocale(original));

const card = (title: string): Card => ({
	kicker: 'Company scorecard',
	title,
	figure: '12 reports',
	lines: ['Average rating: 1.5 out of 5'],
	site: 'Recourse'
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array) {
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('wrapText', () => {
	it('keeps a short title on one line', () => {
		expect(wrapText('Acme Telecom', 64, 2, true)).toEqual(['Acme Telecom']);
	});

	it('breaks a long title at spaces and ends what does not fit with an ellipsis', () => {
		const title =
			'Billing error after the death of the account holder, then the account put in the widow’s name and billed as in arrears for months';
		const lines = wrapText(title, 64, 2, true);
		expect(lines).toHaveLength(2);
		expect(lines[1]!.endsWith('…')).toBe(true);
		expect(title.startsWith(lines[0]!)).toBe(true);
	});

	it('cuts a word longer than a line instead of overflowing', () => {
		const lines = wrapText('x'.repeat(300), 64, 3);
		expect(lines).toHaveLength(3);
		expect(lines.every((l) => l.length < 100)).toBe(true);
	});
});

describe('cardSvg', () => {
	it('escapes what a company name or title may hold', () => {
		const svg = cardSvg(card('<script>alert(1)</script> & "Co" \u0007'));
		expect(svg).not.toContain('<script>');
		expect(svg).toContain('&#60;script&#62;');
		expect(svg).toContain('&#38;');
		expect(svg).not.toContain('\u0007');
	});
});

describe('cardImage', () => {
	it('draws a 1200 × 630 PNG with its text in the bundled font', () => {
		const a = cardImage(card('Acme Telecom'));
		const b = cardImage(card('Zenith Power'));
		expect(Buffer.from(a.png.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
		expect(pngSize(a.png)).toEqual({ width: 1200, height: 630 });
		// Without a font the text is not drawn, and both cards come out the same.
		expect(Buffer.from(a.png).equals(Buffer.from(b.png))).toBe(false);
	});

	it('draws a card once, and again only when what it shows changes', () => {
		const title = `Acme ${Math.random()}`;
		const before = cardsDrawn;
		const first = cardImage(card(title));
		const second = cardImage(card(title));
		expect(cardsDrawn - before).toBe(1);
		expect(second.png).toBe(first.png);
		cardImage({ ...card(title), figure: '13 reports' });
		expect(cardsDrawn - before).toBe(2);
	});
});

describe('page cards', () => {
	it('say the company’s figures with their n, in the reader’s language', async () => {
		const author = await makeUser(db);
		const acme = makeCompany(db, 'Acme Telecom');
		makeReport(db, author.id, { company: 'Acme Telecom', rating: 2 });
		makeReport(db, author.id, { company: 'Acme Telecom', rating: 1 });
		const english = companyCard(db, acme.slug)!;
		expect(english.title).toBe('Acme Telecom');
		expect(english.figure).toBe('2 reports');
		expect(english.lines.join(' | ')).toBe(
			'Average rating: 1.5 out of 5 (n = 2) | Answered 0% of the 2 reports filed here'
		);
		overwriteGetLocale(() => 'de');
		expect(companyCard(db, acme.slug)!.figure).toBe('2 Berichte');
		expect(companyCard(db, 'no-such-company')).toBeUndefined();
	});

	it('give a pattern its counts, and no card to an unknown one', async () => {
		const author = await makeUser(db);
		makeCompany(db, 'Acme Telecom');
		makeCompany(db, 'Zenith Power');
		const facts = { category: 'billing-error', trigger: 'death-of-account-holder' } as const;
		makeReport(db, author.id, { company: 'Acme Telecom', ...facts });
		makeReport(db, author.id, { company: 'Zenith Power', ...facts });
		const slug = patternSlug('billing-error', 'death-of-account-holder')!;
		const found = patternCard(db, slug)!;
		expect(found.figure).toBe('2 reports');
		expect(found.lines[0]).toBe('at 2 companies');
		expect(patternCard(db, 'billing-error-after-nothing')).toBeUndefined();
	});

	it('give no card to a hidden report', async () => {
		const author = await makeUser(db);
		const modUser = await makeUser(db);
		setRole(db, { email: modUser.email, role: 'moderator', actorId: null });
		const moderator: Actor = { id: modUser.id, role: 'moderator' };
		makeCompany(db, 'Acme Telecom');
		const id = makeReport(db, author.id, { company: 'Acme Telecom', title: 'Line dead' });
		expect(reportCard(db, id)?.title).toBe('Line dead');
		moderate(db, moderator, {
			targetType: 'report',
			targetId: id,
			action: 'hide',
			reason: 'spam',
			note: 'an advert'
		});
		expect(reportCard(db, id)).toBeUndefined();
	});
});
