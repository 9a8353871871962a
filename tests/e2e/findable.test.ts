/** Pages a search engine and a citation can find: one canonical address per page and language, alternates that answer, sitemaps, robots.txt, OpenGraph and schema.org data. */
import { createUser } from '../../src/lib/server/auth/users';
import { openDatabase } from '../../src/lib/server/db/client';
import { createReport } from '../../src/lib/server/reports/reports';
import { reportInput } from '../../src/lib/server/testing/factories';
import { databasePath, expect, expectAccessible, test, uniqueEmail } from './fixtures';

async function fileReport(stamp: string) {
	const db = openDatabase(databasePath);
	try {
		const user = await createUser(db, {
			email: uniqueEmail('findable'),
			password: 'a long enough password'
		});
		if (!user.ok) throw new Error('no user');
		const result = createReport(
			db,
			reportInput({
				company: `Findable Gas ${stamp}`,
				website: `https://findable-${stamp}.example`,
				title: `Findable report ${stamp}`
			}),
			user.user.id
		);
		if (!result.ok) throw new Error('not filed');
		return { id: result.id, slug: `findable-gas-${stamp}` };
	} finally {
		db.$client.close();
	}
}

// Before: no canonical link, and the home page's alternates (/de/, /ca/ …) answered 308.
test('every page names one canonical address, and its language alternates answer 200', async ({
	page,
	request,
	baseURL
}) => {
	await page.goto('/');
	await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}/`);
	const alternates = await page
		.locator('link[rel="alternate"][hreflang]')
		.evaluateAll((links) => links.map((l) => l.getAttribute('href')!));
	expect(alternates).toHaveLength(7);
	for (const href of alternates) {
		expect((await request.get(href, { maxRedirects: 0 })).status(), href).toBe(200);
	}

	await page.goto('/de/companies');
	const canonical = `${baseURL}/de/companies`;
	await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', canonical);
	await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', canonical);
	await expect(page.locator('meta[property="og:site_name"]')).toHaveAttribute(
		'content',
		'Recourse'
	);
	await expectAccessible(page);

	// Before: /en/companies answered 200, a duplicate of /companies, to anything but a browser.
	const english = await request.get('/en/companies', { maxRedirects: 0 });
	expect(english.status()).toBe(307);
	expect(english.headers().location).toBe('/companies');
});

test('company pages carry Organization data and the data page a Dataset, within the CSP', async ({
	page,
	baseURL
}) => {
	const { slug } = await fileReport(Date.now().toString(36));
	const refused: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
	});
	const structured = () =>
		page
			.locator('script[type="application/ld+json"]')
			.evaluateAll((scripts) => scripts.map((s) => JSON.parse(s.textContent ?? '')));

	await page.goto(`/companies/${slug}`);
	expect(await structured()).toEqual([
		expect.objectContaining({
			'@context': 'https://schema.org',
			'@type': 'Organization',
			name: expect.stringMatching(/^Findable Gas /),
			url: expect.stringContaining('findable-')
		})
	]);
	await expect(page.locator('meta[property="og:url"]')).toHaveAttribute(
		'content',
		`${baseURL}/companies/${slug}`
	);
	await expectAccessible(page);

	await page.goto('/about/data');
	expect(await structured()).toEqual([
		expect.objectContaining({
			'@type': 'Dataset',
			variableMeasured: expect.arrayContaining(['response_timely', 'verdict']),
			distribution: expect.arrayContaining([
				expect.objectContaining({ encodingFormat: 'text/csv' })
			])
		})
	]);
	await expectAccessible(page);
	expect(refused).toEqual([]);
});

// Before: no sitemap, and robots.txt neither named one nor disallowed /de/login and the like.
test('robots.txt names the sitemap, whose files list the pages, companies and reports', async ({
	page,
	request,
	baseURL
}) => {
	const { id, slug } = await fileReport(`s${Date.now().toString(36)}`);
	const robots = await (await request.get('/robots.txt')).text();
	expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
	for (const path of ['/login', '/signup', '/de/login', '/pl/signup', '/ru/reports/new']) {
		expect(robots).toContain(`Disallow: ${path}\n`);
	}

	await page.goto('/');
	/** The text of every element with this name, from the XML as a browser parses it. */
	const read = async (url: string, tag: string) => {
		const response = await request.get(url);
		expect(response.status(), url).toBe(200);
		expect(response.headers()['content-type']).toContain('application/xml');
		const xml = await response.text();
		return page.evaluate(
			({ xml, tag }) => {
				const doc = new DOMParser().parseFromString(xml, 'application/xml');
				if (doc.querySelector('parsererror')) throw new Error('not well-formed');
				return [
					...doc.getElementsByTagNameNS('http://www.sitemaps.org/schemas/sitemap/0.9', tag)
				].map((e) => e.textContent ?? '');
			},
			{ xml, tag }
		);
	};
	const files = await read('/sitemap.xml', 'loc');
	expect(files).toEqual(
		expect.arrayContaining([
			`${baseURL}/sitemaps/pages.xml`,
			`${baseURL}/sitemaps/patterns.xml`,
			`${baseURL}/sitemaps/companies-1.xml`,
			`${baseURL}/sitemaps/reports-1.xml`
		])
	);
	const listed = new Set<string>();
	for (const file of files) for (const loc of await read(file, 'loc')) listed.add(loc);
	for (const url of [
		`${baseURL}/`,
		`${baseURL}/explore`,
		`${baseURL}/companies/${slug}`,
		`${baseURL}/reports/${id}`,
		`${baseURL}/guide/es/telecom`
	]) {
		expect(listed.has(url), url).toBe(true);
	}
	expect((await request.get('/sitemaps/reports-999.xml')).status()).toBe(404);
});
