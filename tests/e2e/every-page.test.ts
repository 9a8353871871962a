/**
 * Every page, public and signed in, in all six languages on a 320 × 640 screen: no wider than the
 * screen, and no axe-core violation (issue 18, "done when"). The data is made here, with the
 * longest names and words a page must wrap, so the result does not depend on which tests ran
 * before. Screenshots at 320 and 1280 of the pages journalists share are kept in the output.
 */
import type { Page } from '@playwright/test';
import { grantRepresentative } from '../../src/lib/server/companies/representatives';
import { createReport } from '../../src/lib/server/reports/reports';
import { reportInput } from '../../src/lib/server/testing/factories';
import { patternSlug } from '../../src/lib/taxonomy';
import { expect, expectAccessible, setUserRole, test, withDb, type SignedIn } from './fixtures';

const languages = ['', '/ca', '/de', '/es', '/pl', '/ru'] as const;

/**
 * Two companies with long names, and a report by `user` with a long unbroken word and address, in
 * a pattern no other test files (their companies would crowd others out of its top ten).
 */
function makeWorld(user: SignedIn, stamp: string) {
	setUserRole(user.userId, 'admin');
	return withDb((db) => {
		const names = [
			`Überlandwerkstromversorgungsgesellschaft Nordrhein ${stamp}`,
			`Ростелекоммуникационнаякомпания ${stamp}`
		];
		const ids = names.map((company, i) => {
			const filed = createReport(
				db,
				reportInput({
					company,
					website: `https://long-${i}-${stamp}.example`,
					title: `Donaudampfschifffahrtsgesellschaftskapitänsmütze ${stamp}`,
					category: 'misleading-sales',
					trigger: 'new-account',
					narrative: `See https://support.example/an/address/that/is/much/longer/than/a/phone/screen/${stamp}/and/goes/on for Rechtsschutzversicherungsgesellschaften.`
				}),
				user.userId
			);
			if (!filed.ok) throw new Error(`not filed: ${JSON.stringify(filed)}`);
			return filed.id;
		});
		const slugs = db.$client
			.prepare<number[], { slug: string }>(
				'select c.slug from report r join company c on c.id = r.company_id where r.id in (?, ?) order by r.id'
			)
			.all(...ids)
			.map((r) => r.slug);
		const company = db.$client
			.prepare<[string], { id: number }>('select id from company where slug = ?')
			.get(slugs[0]!)!;
		const granted = grantRepresentative(
			db,
			{ id: user.userId, role: 'admin' },
			{ companyId: company.id, email: user.email, reason: 'page test' }
		);
		if (!granted.ok) throw new Error(`not granted: ${granted.reason}`);
		return { reportId: ids[0]!, slugs };
	});
}

/** Every page a signed-in administrator who also represents a company and wrote a report sees. */
function signedInPages(world: { reportId: number; slugs: string[] }): string[] {
	const [slug, other] = world.slugs as [string, string];
	return [
		'/',
		'/companies',
		`/companies/${slug}`,
		`/companies/${slug}/claim`,
		`/companies/${slug}/dashboard`,
		`/companies/${slug}/representatives`,
		`/companies/${slug}/team`,
		`/compare?c=${slug}&c=${other}`,
		'/explore',
		`/explore?company=${slug}`,
		'/patterns',
		`/patterns/${patternSlug('misleading-sales', 'new-account')}`,
		`/reports/${world.reportId}`,
		`/reports/${world.reportId}/edit`,
		`/reports/${world.reportId}/letter`,
		'/reports/new',
		'/what-works',
		'/guide',
		'/guide/us',
		'/guide/de/energy',
		'/about/data',
		'/about/methodology',
		'/about/moderation',
		'/api',
		'/account',
		'/account/reports',
		'/notifications',
		'/moderation',
		'/moderation/hidden',
		'/admin/audit',
		'/admin/outbox'
	];
}

/** Pages only a visitor who is not signed in sees. */
const signedOutPages = ['/login', '/signup', '/password/forgot', '/status'];

async function expectFits(page: Page, path: string) {
	const response = await page.goto(path);
	expect(response?.status(), path).toBe(200);
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	// The message names the elements that stick out, innermost last, to say what to fix.
	const wide =
		width === 320
			? ''
			: await page.evaluate(() =>
					[...document.querySelectorAll('main *')]
						.filter((e) => e.getBoundingClientRect().right > 321)
						.slice(0, 6)
						.map((e) => `${e.tagName}.${e.className}: ${e.textContent?.slice(0, 40)}`)
						.join('\n')
				);
	expect(width, `${path} is wider than the screen:\n${wide}`).toBe(320);
}

/** Every page, signed in then signed out, with `check` run on each after it loads. */
async function visitAll(
	page: Page,
	user: SignedIn,
	stamp: string,
	prefix: string,
	check: (path: string, index: number) => Promise<void>
) {
	const pages = signedInPages(makeWorld(user, stamp));
	for (const [i, path] of pages.entries()) {
		await test.step(path, () => check(`${prefix}${path}`, i));
	}
	await page.context().clearCookies();
	for (const [i, path] of signedOutPages.entries()) {
		await test.step(path, () => check(`${prefix}${path}`, pages.length + i));
	}
}

// Width is a matter of CSS and of each language's words: every page in every language, without
// JavaScript (which must fit too, and loads without waiting for hydration).
test.describe('every page fits a 320-pixel phone without JavaScript', () => {
	test.use({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });

	for (const prefix of languages) {
		test(`in ${prefix || '/ (English)'}`, async ({ page, user }) => {
			const stamp = `${Date.now().toString(36)}w${prefix.slice(1)}`;
			await visitAll(page, user, stamp, prefix, (path) => expectFits(page, path));
		});
	}
});

/**
 * axe-core needs JavaScript, and its findings depend on markup more than on language: every page
 * in English, and each other language on every seventh page in turn, so each language has its
 * share checked and the suite stays within its time.
 */
test.describe('every page passes axe-core on a 320-pixel phone', () => {
	test.use({ viewport: { width: 320, height: 640 } });

	// English in three parts, each in its own test, so that the workers share them.
	const parts = [
		...[0, 1, 2].map((part) => ({
			prefix: '',
			name: `/ (English), part ${part + 1} of 3`,
			checks: (i: number) => i % 3 === part
		})),
		...languages.slice(1).map((prefix, n) => ({
			prefix,
			name: prefix,
			checks: (i: number) => i % 7 === n
		}))
	];
	for (const { prefix, name, checks } of parts) {
		test(`in ${name}`, async ({ page, user }) => {
			const stamp = `${Date.now().toString(36)}a${prefix.slice(1)}`;
			await visitAll(page, user, stamp, prefix, async (path, i) => {
				if (!checks(i)) return;
				await expectFits(page, path);
				await expectAccessible(page);
			});
		});
	}
});

test('screenshots at 320 and 1280 of the pages journalists share', async ({
	page,
	user
}, testInfo) => {
	const world = makeWorld(user, `${Date.now().toString(36)}shots`);
	const [slug, other] = world.slugs as [string, string];
	const shared = {
		home: '/',
		company: `/companies/${slug}`,
		pattern: `/patterns/${patternSlug('misleading-sales', 'new-account')}`,
		explore: '/explore',
		compare: `/compare?c=${slug}&c=${other}`
	};
	for (const width of [320, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		for (const [name, path] of Object.entries(shared)) {
			expect((await page.goto(path))?.status(), path).toBe(200);
			const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(scrollWidth, `${path} at ${width}`).toBe(width);
			await testInfo.attach(`${name}-${width}`, {
				body: await page.screenshot({ fullPage: true }),
				contentType: 'image/png'
			});
		}
	}
});
