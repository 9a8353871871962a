/** Companies: lookup, search, listing and creation with duplicate refusal. */
import { asc, desc, eq, gt, like, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { company, type Company } from '../db/schema';
import type { Industry } from '../../taxonomy';
import { oneLine } from '../../one-line';
import { domainFromWebsite, normaliseCompanyName, slugifyCompanyName } from './names';

export type CompanySummary = Pick<Company, 'id' | 'slug' | 'name' | 'industry' | 'reportCount'>;
const summaryColumns = {
	id: company.id,
	slug: company.slug,
	name: company.name,
	industry: company.industry,
	reportCount: company.reportCount
};

export function findCompanyBySlug(db: Db, slug: string): Company | undefined {
	return db.select().from(company).where(eq(company.slug, slug)).get();
}

/** The company whose normalised name equals this one's, if any. */
export function findCompanyByName(db: Db, name: string): Company | undefined {
	const key = normaliseCompanyName(name);
	if (!key) return undefined;
	return db.select().from(company).where(eq(company.nameKey, key)).get();
}

/** Companies with the most reports, for the home page. */
export function listTopCompanies(db: Db, limit = 10): CompanySummary[] {
	return db
		.select(summaryColumns)
		.from(company)
		.where(gt(company.reportCount, 0))
		.orderBy(desc(company.reportCount), desc(company.id))
		.limit(limit)
		.all();
}

/** Name search for pickers: prefix matches first, then matches inside the name, busiest first. */
export function searchCompanies(db: Db, query: string, limit = 10): CompanySummary[] {
	const key = normaliseCompanyName(query);
	if (!key) return [];
	const escaped = key.replace(/[\\%_]/g, '\\$&');
	return db
		.select(summaryColumns)
		.from(company)
		.where(
			or(
				sql`${company.nameKey} like ${escaped + '%'} escape '\\'`,
				sql`${company.nameKey} like ${'% ' + escaped + '%'} escape '\\'`
			)
		)
		.orderBy(
			sql`case when ${like(company.nameKey, escaped + '%')} then 0 else 1 end`,
			desc(company.reportCount),
			asc(company.nameKey)
		)
		.limit(limit)
		.all();
}

/** One page of the alphabetical company list, keyset-paginated on the normalised name. */
export function listCompanies(
	db: Db,
	options: { after?: string | null; limit?: number } = {}
): { companies: CompanySummary[]; next: string | null } {
	const limit = options.limit ?? 50;
	const rows = db
		.select({ ...summaryColumns, nameKey: company.nameKey })
		.from(company)
		.where(options.after ? gt(company.nameKey, options.after) : undefined)
		.orderBy(asc(company.nameKey))
		.limit(limit + 1)
		.all();
	const page = rows.slice(0, limit);
	return {
		companies: page.map(({ nameKey: _key, ...rest }) => rest),
		next: rows.length > limit ? (page[page.length - 1]?.nameKey ?? null) : null
	};
}

export function countCompanies(db: Db): number {
	return (
		db
			.select({ n: sql<number>`count(*)` })
			.from(company)
			.get()?.n ?? 0
	);
}

export type NewCompanyInput = { name: string; website: string; industry?: Industry | null };
export type CreateCompanyResult =
	| { ok: true; company: Company }
	| { ok: false; reason: 'duplicate-name' | 'duplicate-domain'; existing: Company }
	| { ok: false; reason: 'invalid-website' };

/** Adds a company unless one with the same normalised name or website domain exists. */
export function createCompany(
	db: Db,
	input: NewCompanyInput,
	createdBy: string | null,
	now = Date.now()
): CreateCompanyResult {
	const domain = domainFromWebsite(input.website);
	if (!domain) return { ok: false, reason: 'invalid-website' };
	const name = oneLine(input.name);
	const nameKey = normaliseCompanyName(name);
	const existing = db
		.select()
		.from(company)
		.where(or(eq(company.nameKey, nameKey), eq(company.domain, domain)))
		.get();
	if (existing) {
		return {
			ok: false,
			reason: existing.nameKey === nameKey ? 'duplicate-name' : 'duplicate-domain',
			existing
		};
	}
	const row = db
		.insert(company)
		.values({
			slug: uniqueSlug(db, slugifyCompanyName(name)),
			name,
			nameKey,
			domain,
			website: `https://${domain}`,
			industry: input.industry ?? null,
			createdAt: now,
			createdBy
		})
		.returning()
		.get();
	return { ok: true, company: row };
}

/** The base slug, or the base with the lowest free numeric suffix. */
function uniqueSlug(db: Db, base: string): string {
	const taken = new Set(
		db
			.select({ slug: company.slug })
			.from(company)
			.where(or(eq(company.slug, base), like(company.slug, `${base}-%`)))
			.all()
			.map((r) => r.slug)
	);
	if (!taken.has(base)) return base;
	for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
