/**
 * sitemap.xml: an index of files of at most 50,000 addresses each (the protocol's limit), for the
 * static pages, patterns, companies and reports. Files are ranges of ids, so that a million
 * reports are 20 files found without counting, each read in batches and streamed.
 */
import { and, asc, gt, lte, max } from 'drizzle-orm';
import { locales, localizeHref } from '$lib/paraglide/runtime';
import type { Db } from '../db/client';
import { company, report } from '../db/schema';
import { listPatterns } from '../patterns/patterns';
import { guideCountries } from '../guide';
import { guideHref } from '$lib/guide-href';
import { industries } from '$lib/taxonomy';
import { visibleReport } from '../reports/reports';

/** Addresses per file: the sitemap protocol allows 50,000. */
export const URLS_PER_FILE = 50_000;
const BATCH = 1_000;

/** Pages that are the same for every reader and worth finding. */
const staticPages = [
	'/',
	'/companies',
	'/patterns',
	'/explore',
	'/compare',
	'/api',
	'/about/data',
	'/about/methodology',
	'/about/moderation',
	// The escalation guide: its countries, and each with every industry.
	guideHref(),
	...guideCountries.flatMap((country) => [
		guideHref(country),
		...industries.map((industry) => guideHref(country, industry))
	])
];

export type SitemapFile =
	`${'pages' | 'patterns' | `companies-${number}` | `reports-${number}`}.xml`;

const escape = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A page's `<url>`: its English address, and each language's as an alternate. */
function urlEntry(origin: string, path: string, lastmod?: number): string {
	const alternates = locales
		.map((locale) => {
			const href = localizeHref(path, { locale }).replace(/(.)\/$/, '$1');
			return `<xhtml:link rel="alternate" hreflang="${locale}" href="${escape(origin + href)}"/>`;
		})
		.join('');
	const modified = lastmod ? `<lastmod>${new Date(lastmod).toISOString()}</lastmod>` : '';
	return `<url><loc>${escape(origin + path)}</loc>${modified}${alternates}</url>\n`;
}

const urlsetOpen =
	'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n';
const urlsetClose = '</urlset>\n';

/** How many files of each kind there are: ids up to the highest, in ranges of URLS_PER_FILE. */
export function sitemapFiles(db: Db): SitemapFile[] {
	const files = (highest: number | null) => Math.max(1, Math.ceil((highest ?? 0) / URLS_PER_FILE));
	const companies = files(
		db
			.select({ id: max(company.id) })
			.from(company)
			.get()?.id ?? null
	);
	const reports = files(
		db
			.select({ id: max(report.id) })
			.from(report)
			.get()?.id ?? null
	);
	return [
		'pages.xml',
		'patterns.xml',
		...Array.from({ length: companies }, (_, i) => `companies-${i + 1}.xml` as const),
		...Array.from({ length: reports }, (_, i) => `reports-${i + 1}.xml` as const)
	];
}

/** The sitemap index (few lines, not streamed). */
export function sitemapIndex(db: Db, origin: string): string {
	const entries = sitemapFiles(db)
		.map((file) => `<sitemap><loc>${escape(`${origin}/sitemaps/${file}`)}</loc></sitemap>\n`)
		.join('');
	return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}</sitemapindex>\n`;
}

/** Rows of an id range, in batches read as the client takes them. */
function* idRange<T extends { id: number }>(
	page: number,
	read: (after: number, upTo: number) => T[]
): Generator<T> {
	const upTo = page * URLS_PER_FILE;
	let after = (page - 1) * URLS_PER_FILE;
	while (after < upTo) {
		const rows = read(after, upTo);
		yield* rows;
		if (rows.length < BATCH) return;
		after = rows[rows.length - 1]!.id;
	}
}

/**
 * One sitemap file as chunks of text, or null when there is no such file. Hidden reports are
 * left out; a file of a range with none visible is a valid empty urlset.
 */
export function sitemapFile(db: Db, origin: string, name: string): Iterable<string> | null {
	const numbered = name.match(/^(companies|reports)-([1-9]\d{0,5})\.xml$/);
	if (name === 'pages.xml') {
		return [urlsetOpen, ...staticPages.map((path) => urlEntry(origin, path)), urlsetClose];
	}
	if (name === 'patterns.xml') {
		const patterns = listPatterns(db).map((p) => urlEntry(origin, `/patterns/${p.slug}`));
		return [urlsetOpen, ...patterns, urlsetClose];
	}
	if (!numbered) return null;
	const page = Number(numbered[2]);
	if (!sitemapFiles(db).includes(name as SitemapFile)) return null;
	return (function* () {
		yield urlsetOpen;
		if (numbered[1] === 'companies') {
			const rows = idRange(page, (after, upTo) =>
				db
					.select({ id: company.id, slug: company.slug })
					.from(company)
					.where(and(gt(company.id, after), lte(company.id, upTo), gt(company.reportCount, 0)))
					.orderBy(asc(company.id))
					.limit(BATCH)
					.all()
			);
			for (const c of rows) yield urlEntry(origin, `/companies/${c.slug}`);
		} else {
			const rows = idRange(page, (after, upTo) =>
				db
					.select({ id: report.id, updatedAt: report.updatedAt })
					.from(report)
					.where(and(gt(report.id, after), lte(report.id, upTo), visibleReport))
					.orderBy(asc(report.id))
					.limit(BATCH)
					.all()
			);
			for (const r of rows) yield urlEntry(origin, `/reports/${r.id}`, r.updatedAt);
		}
		yield urlsetClose;
	})();
}
