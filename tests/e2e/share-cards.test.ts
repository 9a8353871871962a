/** A link shared on social media shows a card: the company, report or pattern with its figure and n (issue 18 item 4). */
import { createUser } from '../../src/lib/server/auth/users';
import { moderate } from '../../src/lib/server/moderation/moderation';
import { createReport } from '../../src/lib/server/reports/reports';
import { reportInput } from '../../src/lib/server/testing/factories';
import { patternSlug } from '../../src/lib/taxonomy';
import { expect, expectAccessible, test, uniqueEmail, withDbAsync } from './fixtures';

/** Two reports of one pattern at a new company, one of them then hidden by a moderator. */
function fileReports(stamp: string) {
	return withDbAsync(async (db) => {
		const author = await createUser(db, {
			email: uniqueEmail('cards'),
			password: 'a long enough password'
		});
		const moderator = await createUser(db, {
			email: uniqueEmail('cards-mod'),
			password: 'a long enough password'
		});
		if (!author.ok || !moderator.ok) throw new Error('no user');
		const file = (title: string) => {
			const filed = createReport(
				db,
				reportInput({
					company: `Card Water ${stamp}`,
					website: `https://card-${stamp}.example`,
					title,
					category: 'misleading-sales',
					trigger: 'new-account'
				}),
				author.user.id
			);
			if (!filed.ok) throw new Error('not filed');
			return filed.id;
		};
		const shown = file(`Card shown ${stamp}`);
		const hidden = file(`Card hidden ${stamp}`);
		moderate(
			db,
			{ id: moderator.user.id, role: 'moderator' },
			{ targetType: 'report', targetId: hidden, action: 'hide', reason: 'spam', note: 'advert' }
		);
		return { shown, hidden, slug: `card-water-${stamp}` };
	});
}

/** The og:image a page names, fetched: a 1200 × 630 PNG. */
async function shareImage(page: import('@playwright/test').Page, path: string) {
	await page.goto(path);
	const src = await page.locator('meta[property="og:image"]').getAttribute('content');
	expect(src, path).toBeTruthy();
	const image = await page.request.get(src!);
	expect(image.status(), src!).toBe(200);
	expect(image.headers()['content-type']).toBe('image/png');
	const png = await image.body();
	expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
	await expect(page.locator('meta[property="og:image:alt"]')).toHaveAttribute('content', /\S/);
	return { src: src!, png };
}

test('company, pattern and report pages name a card image; a hidden report has none', async ({
	page,
	baseURL
}) => {
	const stamp = Date.now().toString(36);
	const { shown, hidden, slug } = await fileReports(stamp);

	const company = await shareImage(page, `/de/companies/${slug}`);
	expect(company.src).toBe(`${baseURL}/de/companies/${slug}/og.png`);
	await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute(
		'content',
		'summary_large_image'
	);
	await expectAccessible(page);
	// Asked again with its validator: not sent again. Other tests write meanwhile, and a write
	// moves the data version in the ETag, so the pair is asked until no write fell between.
	await expect
		.poll(async () => {
			const first = await page.request.get(company.src);
			const again = await page.request.get(company.src, {
				headers: { 'if-none-match': first.headers().etag! }
			});
			return again.status();
		})
		.toBe(304);

	const pattern = patternSlug('misleading-sales', 'new-account')!;
	await shareImage(page, `/patterns/${pattern}`);
	const report = await shareImage(page, `/reports/${shown}`);
	expect(report.png.equals(company.png)).toBe(false);

	// The hidden report's card is not drawn for anyone who asks for it by address.
	expect((await page.request.get(`/reports/${hidden}/og.png`)).status()).toBe(404);
	expect((await page.request.get(`/companies/no-such-${stamp}/og.png`)).status()).toBe(404);
});
