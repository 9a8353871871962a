/** The whole dataset as a journalist downloads it from /about/data: versioned, counted, hashed and citable. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { buildDataset } from '../../src/lib/server/dataset/build';
import type { DatasetManifest } from '../../src/lib/server/dataset/manifest';
import { createUser } from '../../src/lib/server/auth/users';
import { createReport } from '../../src/lib/server/reports/reports';
import { reportInput } from '../../src/lib/server/testing/factories';
import { expect, expectAccessible, test, uniqueEmail, withDbAsync } from './fixtures';

const datasetPath = 'tests/e2e/.data/dataset';
// The first test sees the page before any build: nothing else in the suite builds one.
test.describe.configure({ mode: 'serial' });

/** One report at a new company, so that the dataset has a row and the company a page. */
async function fileReport(db: Parameters<Parameters<typeof withDbAsync>[0]>[0], stamp: string) {
	const author = await createUser(db, {
		email: uniqueEmail('dataset'),
		password: 'a long enough password'
	});
	if (!author.ok) throw new Error('no user');
	const filed = createReport(
		db,
		reportInput({ company: `Dataset Gas ${stamp}`, website: `https://dataset-${stamp}.example` }),
		author.user.id
	);
	if (!filed.ok) throw new Error('not filed');
	return `dataset-gas-${stamp}`;
}

// Before: /about/data offered view exports only; no whole dataset, version, hash or citation.
test('/about/data offers the current version: counts, hashes, citation, downloads that match', async ({
	page,
	request,
	baseURL
}) => {
	// Nothing built yet: the page says so instead of failing.
	await page.goto('/about/data');
	await expect(page.getByText('No version of the whole dataset has been built yet.')).toBeVisible();

	const stamp = Date.now().toString(36);
	const built = await withDbAsync(async (db) => {
		await fileReport(db, stamp);
		return buildDataset(db, datasetPath, new Date(), { origin: baseURL! });
	});
	await page.reload();
	const download = page.getByRole('region', { name: 'Download the whole dataset' });
	await expect(download.getByText(built.version, { exact: true })).toBeVisible();
	await expect(download.getByText(built.dataVersion, { exact: true })).toBeVisible();
	await expect(download.getByText(/\[Data set\]/)).toContainText(`Version ${built.version}`);
	await expect(download.getByText(/@misc\{recourse_/)).toContainText(
		`version      = {${built.version}}`
	);
	await expect(page.getByRole('link', { name: 'CC BY 4.0' })).toHaveAttribute(
		'href',
		'https://creativecommons.org/licenses/by/4.0/'
	);

	// The manifest the page links to is the one the build wrote.
	const manifestUrl = `/about/data/${built.version}/manifest.json`;
	const manifest = (await (await request.get(manifestUrl)).json()) as DatasetManifest;
	expect(manifest).toEqual(built);

	// The reports file, downloaded through its link: the export's header, as many rows as counted.
	const link = download.getByRole('link', { name: 'report.csv.gz' });
	const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
	expect(file.suggestedFilename()).toBe(`recourse-${built.version}-report.csv.gz`);
	const bytes = readFileSync(await file.path());
	const entry = manifest.files.find((f) => f.name === 'report.csv.gz')!;
	expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry.sha256);
	const text = gunzipSync(bytes).toString('utf8');
	expect(text.slice(0, text.indexOf('\n'))).toMatch(
		/^\uFEFFid,url,source,external_id,company_slug,/
	);
	const rows = parse(text, { bom: true }) as string[][];
	expect(rows.length - 1).toBe(manifest.tables.report);
	expect(manifest.tables.report).toBeGreaterThan(0);

	// schema.org Dataset with the version's files.
	const structured = await page
		.locator('script[type="application/ld+json"]')
		.evaluateAll((scripts) => scripts.map((s) => JSON.parse(s.textContent ?? '')));
	expect(structured).toEqual([
		expect.objectContaining({
			'@type': 'Dataset',
			license: 'https://creativecommons.org/licenses/by/4.0/',
			dateModified: built.createdAt,
			creator: expect.objectContaining({ '@type': 'Organization' }),
			distribution: expect.arrayContaining([
				expect.objectContaining({
					contentUrl: `${baseURL}/about/data/${built.version}/report.csv.gz`,
					sha256: entry.sha256
				})
			])
		})
	]);

	await page.setViewportSize({ width: 320, height: 800 });
	await expectAccessible(page);
});

test('dataset files: immutable caching, ETag, HEAD; 404 for unknown or ../; the API and exports name their data version', async ({
	request
}) => {
	const built = await withDbAsync((db) =>
		buildDataset(db, datasetPath, new Date(Date.now() - 3_600_000), { origin: 'http://x' })
	);
	const url = `/about/data/${built.version}/company.csv.gz`;
	const entry = built.files.find((f) => f.name === 'company.csv.gz')!;

	const head = await request.head(url);
	expect(head.status()).toBe(200);
	expect(head.headers()).toMatchObject({
		'content-type': 'application/gzip',
		'content-disposition': `attachment; filename="recourse-${built.version}-company.csv.gz"`,
		'cache-control': 'public, max-age=31536000, immutable',
		etag: `"${entry.sha256}"`,
		'content-length': String(entry.bytes),
		'x-data-version': built.dataVersion
	});
	expect(await head.body()).toHaveLength(0);
	const again = await request.get(url, { headers: { 'if-none-match': `"${entry.sha256}"` } });
	expect(again.status()).toBe(304);

	// Before: neither the API nor an export said which data version it was read at.
	const api = await request.get('/api/v1/reports?limit=1');
	const body = (await api.json()) as { data_version: string };
	expect(body.data_version).toMatch(/^[0-9a-z]+-[0-9a-z]+-[0-9a-z]+$/);
	expect(api.headers()['x-data-version']).toBe(body.data_version);
	const exported = await request.get('/explore/export.csv?limit=1');
	// Not equal to the API's: other test files may write between the two requests.
	expect(exported.headers()['x-data-version']).toMatch(/^[0-9a-z]+-[0-9a-z]+-[0-9a-z]+$/);

	for (const path of [
		`/about/data/2001-01-01T000000Z/company.csv.gz`,
		`/about/data/${built.version}/nothing.csv.gz`,
		`/about/data/${built.version}/..%2F..%2Fe2e.db`,
		`/about/data/..%2F..%2F/e2e.db`,
		`/about/data/${built.version}/..%2Fmanifest.json`,
		`/about/data/%2e%2e/e2e.db`
	]) {
		expect((await request.get(path)).status(), path).toBe(404);
	}
});

test('every page offers a link preview: og:image (1200×630 PNG) with alt text, twitter:card', async ({
	page,
	request,
	baseURL
}) => {
	await page.goto('/de/companies');
	const image = page.locator('meta[property="og:image"]');
	await expect(image).toHaveAttribute('content', `${baseURL}/og-image.png`);
	await expect(page.locator('meta[property="og:image:alt"]')).toHaveAttribute(
		'content',
		/^Recourse: /
	);
	await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute(
		'content',
		'summary_large_image'
	);
	// A page with a share card of its own (decision 033) names that one only.
	const slug = await withDbAsync((db) => fileReport(db, `og${Date.now().toString(36)}`));
	await page.goto(`/de/companies/${slug}`);
	await expect(page.locator('meta[property="og:image"]')).toHaveCount(1);
	await expect(page.locator('meta[property="og:image"]')).toHaveAttribute(
		'content',
		`${baseURL}/de/companies/${slug}/og.png`
	);
	await expect(page.locator('meta[name="twitter:card"]')).toHaveCount(1);

	const png = await request.get('/og-image.png');
	expect(png.headers()['content-type']).toBe('image/png');
	const body = await png.body();
	expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([1200, 630]);
});
