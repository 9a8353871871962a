/** Deterministic demo data: users, companies and up to millions of reports, bulk-loaded fast. */
import { createHash } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { normaliseCompanyName } from '../companies/names';
import { deferInsertTriggers, finishBulkLoad, tunePragmas } from '../db/bulk';
import type { Connection } from '../db/client';
import { renderMarkdown } from '../markdown';
import { regionsOf } from '../places/places';
import {
	categories,
	channels,
	currencyDigits,
	escalations,
	industries,
	outcomes,
	triggers,
	type Category,
	type Industry,
	type Trigger
} from '../../taxonomy';
import {
	CompanyNames,
	inventCompany,
	markets,
	namedCompanies,
	type CompanyRow,
	type Market,
	type MarketCode
} from './companies';
import { missionCases } from './mission-cases';
import { deriveCaseFigures } from '../../case-timeline';
import { eventParameters, insertEventSql } from '../reports/timeline';
import { caseStory } from './case-story';
import {
	composeNarratives,
	composeTitle,
	demoLanguages,
	hasLocalTexts,
	hasNarratives,
	products,
	type DemoLanguage
} from './narratives';
import { cumulative, Random } from './random';

export type DemoOptions = {
	/** Reports in total, the mission cases included. */
	reports?: number;
	/** Companies in total; at least the companies the mission cases name. */
	companies?: number;
	users?: number;
	seed?: number;
	/** Reports are filed in the `years` before this day (YYYY-MM-DD, UTC). */
	until?: string;
	years?: number;
	/** Called every few thousand reports while loading. */
	onProgress?: (done: number, total: number) => void;
	/** Called as each stage of the load begins. */
	onStage?: (stage: DemoStage) => void;
};

export type DemoStage = 'reports' | 'search index' | 'roll-ups' | 'statistics';

export type DemoSummary = {
	reports: number;
	companies: number;
	users: number;
	channels: number;
	escalations: number;
};

export const demoDefaults = {
	reports: 5_000,
	users: 300,
	seed: 1,
	until: '2026-11-01',
	years: 3
} as const;

/** Enough companies for a long tail: one per 50 reports, and never fewer than 60. */
export function defaultCompanyCount(reports: number): number {
	return Math.max(60, Math.ceil(reports / 50));
}

/** Password hash of demo users: not an Argon2 hash, so verifyPassword refuses every password. */
export const demoPasswordHash = '!demo-no-login';
export const demoEmailDomain = 'demo.recourse.invalid';

const DAY = 86_400_000;
const progressEvery = 5_000;

/** Whether the database holds any report, so that a demo load does not mix with real data. */
export function hasReports(conn: Connection): boolean {
	return !!conn.$client.prepare('select 1 from report limit 1').get();
}

// Weights below follow the order of the taxonomy lists they index.

/** How often each category is reported against each industry. */
const categoryWeights: Record<Industry, readonly number[]> = {
	telecom: [28, 20, 14, 4, 10, 10, 2, 4, 6, 2],
	internet: [22, 28, 14, 3, 10, 12, 1, 3, 5, 2],
	energy: [45, 8, 6, 6, 10, 10, 3, 3, 6, 3],
	water: [45, 25, 1, 4, 10, 10, 1, 2, 0, 2],
	banking: [25, 4, 4, 8, 10, 8, 22, 6, 5, 8],
	insurance: [12, 0, 8, 35, 12, 12, 5, 5, 8, 3],
	retail: [14, 0, 6, 40, 12, 12, 2, 8, 4, 2],
	shipping: [30, 6, 0, 20, 16, 20, 0, 5, 0, 3],
	travel: [12, 10, 3, 40, 14, 10, 2, 6, 2, 1],
	streaming: [30, 10, 30, 8, 10, 2, 4, 1, 4, 1],
	'public-service': [15, 10, 0, 10, 25, 20, 5, 10, 0, 5],
	other: [20, 2, 30, 14, 8, 8, 3, 6, 7, 2]
};

/**
 * Triggers by category, the last weight for "not given" (null): a bereavement mostly leads to
 * billing errors, a cancellation to an obstructed cancellation.
 */
const triggerWeights: Record<Category, readonly number[]> = {
	'billing-error': [14, 12, 15, 10, 10, 5, 26, 8],
	'service-outage': [1, 30, 15, 2, 10, 1, 32, 9],
	'cancellation-obstructed': [6, 8, 3, 70, 0, 0, 9, 4],
	'refund-refused': [3, 5, 5, 30, 3, 1, 42, 11],
	'unreachable-support': [6, 10, 8, 10, 6, 3, 45, 12],
	'broken-promise': [4, 20, 15, 6, 15, 3, 29, 8],
	'account-closed': [15, 6, 3, 5, 5, 10, 45, 11],
	'rude-staff': [6, 5, 5, 10, 5, 4, 52, 13],
	'misleading-sales': [1, 3, 25, 3, 40, 0, 22, 6],
	'data-privacy': [5, 5, 4, 8, 8, 12, 46, 12]
};

/** Share of reports with money at stake, by category. */
const moneyShare: Record<Category, number> = {
	'billing-error': 0.9,
	'service-outage': 0.35,
	'cancellation-obstructed': 0.6,
	'refund-refused': 0.95,
	'unreachable-support': 0.3,
	'broken-promise': 0.45,
	'account-closed': 0.75,
	'rude-staff': 0.1,
	'misleading-sales': 0.7,
	'data-privacy': 0.1
};

/** Median amount in dispute, in US dollars, by industry (amounts are log-normal around it). */
const medianAmountUsd: Record<Industry, number> = {
	telecom: 80,
	internet: 90,
	energy: 160,
	water: 110,
	banking: 350,
	insurance: 700,
	retail: 120,
	shipping: 60,
	travel: 380,
	streaming: 30,
	'public-service': 90,
	other: 150
};

/** Rough units per US dollar, for amounts that look like their currency. */
const perUsd: Record<string, number> = {
	USD: 1,
	EUR: 0.92,
	GBP: 0.79,
	PLN: 4,
	RUB: 90,
	CAD: 1.37,
	AUD: 1.5,
	CHF: 0.88,
	SEK: 10.5
};
const foreignCurrencies = ['USD', 'EUR', 'GBP'];

/** Outcomes by category: outages get fixed in the end, refunds and closed accounts less often. */
const outcomeWeights: Partial<Record<Category, readonly number[]>> = {
	'service-outage': [20, 25, 55],
	'refund-refused': [50, 20, 30],
	'account-closed': [55, 20, 25]
};
const usualOutcomeWeights = [45, 25, 30];
/** Ratings 1–5 by outcome: unhappy people write reports, and stay unhappy when nothing is fixed. */
const ratingWeights = [
	cumulative([70, 20, 7, 2, 1]),
	cumulative([35, 35, 20, 7, 3]),
	cumulative([18, 24, 26, 19, 13])
];
const channelCountSums = cumulative([45, 33, 15, 7]);
const channelSums = cumulative([40, 18, 20, 8, 9, 5]);
const escalationCountSums = cumulative([70, 22, 8]);
const escalationSums = cumulative([55, 15, 18, 5, 7]);

/** Deterministic user ids in the shape of real ones (24 base32 characters). */
function demoUserId(n: number): string {
	const digest = createHash('sha256').update(`recourse-demo-user-${n}`).digest();
	return encodeBase32LowerCaseNoPadding(digest.subarray(0, 15));
}

function dayNumber(isoDate: string): number {
	const ms = Date.parse(`${isoDate}T00:00:00Z`);
	if (Number.isNaN(ms)) throw new Error(`Not a date: ${isoDate}`);
	return ms / DAY;
}

type PreparedCompany = { id: number; industry: number; market: MarketCode };

/** Companies to insert: the hand-named ones first, then invented names until `count`. */
function planCompanies(random: Random, count: number, names: CompanyNames): CompanyRow[] {
	const rows: CompanyRow[] = [];
	for (const named of namedCompanies) {
		if (rows.length >= count) break;
		const row = names.claim(named);
		if (row) rows.push(row);
	}
	for (let misses = 0; rows.length < count;) {
		const company = inventCompany(random);
		// Once the combinations of name parts run thin, a number tells companies apart.
		if (misses > 20) company.name += ` ${rows.length + 1}`;
		const row = names.claim(company);
		if (row) rows.push(row);
		misses = row ? 0 : misses + 1;
	}
	return rows;
}

/** A pool of rendered narratives per language, category and (in English) trigger. */
function buildNarrativePool(seed: number) {
	const random = new Random(seed ^ 0x5bd1e995);
	const pool = new Map<string, { markdown: string; html: string }[]>();
	for (const language of demoLanguages) {
		for (const category of categories) {
			if (!hasNarratives(language, category)) continue;
			for (const trigger of language === 'en' ? triggers : (['none'] as const)) {
				pool.set(
					poolKey(language, category, trigger),
					composeNarratives(random, language, category, trigger, language === 'en' ? 5 : 4).map(
						(markdown) => ({ markdown, html: renderMarkdown(markdown) })
					)
				);
			}
		}
	}
	return pool;
}

function poolKey(language: DemoLanguage, category: Category, trigger: Trigger | null) {
	return language === 'en' ? `en|${category}|${trigger ?? 'none'}` : `${language}|${category}`;
}

const reportColumns = [
	'id',
	'company_id',
	'author_id',
	'title',
	'product',
	'category',
	'"trigger"',
	'started_on',
	'ended_on',
	'contacts',
	'effort_minutes',
	'agents',
	'promises_broken',
	'currency',
	'amount_disputed_minor',
	'amount_recovered_minor',
	'outcome',
	'rating',
	'narrative',
	'narrative_html',
	'language',
	'created_at',
	'updated_at',
	'country',
	'region',
	'resolved_by',
	'resolved_on'
];

/**
 * Where a generated report's consumer is: the company's country, and a region spread over the
 * country's regions by the report id (no draw from the random sequence, so every other fact
 * of a seed stays as it was); one in nine gives no country, one in four no region.
 */
function consumerPlace(id: number, market: MarketCode): [string | null, string | null] {
	const place: Market = markets[market];
	if (id % 9 === 0) return [null, null];
	if (id % 4 === 0) return [place.country, null];
	if (place.region) return [place.country, place.region];
	const regions = regionsOf(place.country);
	const region = regions.length
		? regions[(Math.imul(id, 2654435761) >>> 0) % regions.length]!
		: null;
	return [place.country, region?.code ?? null];
}

/**
 * Fills the database with demo data: demo users (who cannot sign in), companies with a
 * Zipf-like spread of reports, the mission cases as the first reports, then generated reports
 * up to `reports`, and finally every roll-up. The same options give the same rows.
 * Meant for an empty database (see `hasReports`); ids continue after any existing rows.
 */
export function generateDemoData(conn: Connection, options: DemoOptions = {}): DemoSummary {
	const sqlite = conn.$client;
	const reportTotal = options.reports ?? demoDefaults.reports;
	const seed = options.seed ?? demoDefaults.seed;
	const userTotal = Math.max(missionCases.length, options.users ?? demoDefaults.users);
	const missionCompanies = new Set(missionCases.map((c) => c.company)).size;
	const companyTotal = Math.max(
		missionCompanies,
		options.companies ?? defaultCompanyCount(reportTotal)
	);
	for (const [name, value] of Object.entries({ reportTotal, seed, companyTotal, userTotal })) {
		if (!Number.isSafeInteger(value) || value < 0) {
			throw new Error(`${name} must be a whole number`);
		}
	}
	const untilDay = dayNumber(options.until ?? demoDefaults.until);
	const years = options.years ?? demoDefaults.years;
	if (!(years > 0)) throw new Error('years must be positive');
	const untilMs = untilDay * DAY;
	// Generated reports fill the span up to the last day; the mission cases are that day's,
	// so that they lead every newest-first list.
	const spanStart = untilMs - Math.round(years * 365.25) * DAY;
	const spanLength = untilMs - DAY - spanStart;

	const random = new Random(seed);
	const pool = buildNarrativePool(seed);

	const userIds = Array.from({ length: userTotal }, (_, i) => demoUserId(i));

	// Companies: unique keys checked against rows already there, ids continued after them.
	const existing = sqlite
		.prepare('select id, name_key as nameKey, slug, domain from company')
		.all() as { id: number; nameKey: string; slug: string; domain: string | null }[];
	const companyRows = planCompanies(random, companyTotal, new CompanyNames(existing));
	const firstCompanyId = existing.reduce((max, c) => Math.max(max, c.id), 0) + 1;
	// A mission case goes to its company, whether listed just now or already there.
	const companyIdByKey = new Map([
		...existing.map((c) => [c.nameKey, c.id] as const),
		...companyRows.map((c, i) => [c.nameKey, firstCompanyId + i] as const)
	]);
	const prepared: PreparedCompany[] = companyRows.map((c, i) => ({
		id: firstCompanyId + i,
		industry: industries.indexOf(c.industry),
		market: c.market
	}));

	// A few big companies and a long tail: rank r gets weight 1/(r+2). The hand-named companies
	// take the top ranks in a seeded order.
	const namedCount = Math.min(prepared.length, namedCompanies.length);
	const ranked = prepared.slice();
	for (let i = namedCount - 1; i > 0; i--) {
		const j = random.int(i + 1);
		[ranked[i], ranked[j]] = [ranked[j]!, ranked[i]!];
	}
	const companySums = cumulative(ranked.map((_, r) => 1 / (r + 2)));

	const firstReportId =
		((sqlite.prepare('select max(id) from report').pluck().get() as number | null) ?? 0) + 1;

	const categorySums = industries.map((i) => cumulative(categoryWeights[i]));
	const triggerSums = categories.map((c) => cumulative(triggerWeights[c]));
	const outcomeSums = categories.map((c) => cumulative(outcomeWeights[c] ?? usualOutcomeWeights));
	const languageChoices = Object.fromEntries(
		Object.entries(markets).map(([code, m]) => [
			code,
			{
				languages: m.languages.map(([l]) => l as DemoLanguage),
				sums: cumulative(m.languages.map(([, w]) => w))
			}
		])
	) as Record<MarketCode, { languages: DemoLanguage[]; sums: Float64Array }>;
	const digits = new Map<string, number>();
	const scale = (currency: string) => {
		let d = digits.get(currency);
		if (d === undefined) digits.set(currency, (d = currencyDigits(currency)));
		return 10 ** d;
	};

	// Calendar days as text, computed once.
	const firstDay = Math.floor(spanStart / DAY) - 800;
	const dayText = Array.from({ length: untilDay - firstDay + 1 }, (_, i) =>
		new Date((firstDay + i) * DAY).toISOString().slice(0, 10)
	);
	const isoDay = (day: number) => dayText[day - firstDay]!;

	// Demo user ids follow from their number, so one left by an earlier load is the same user.
	const insertUser = sqlite.prepare(
		`insert into user (id, email, password_hash, display_name, role, created_at)
		values (?, ?, ?, ?, 'user', ?) on conflict do nothing`
	);
	const insertCompany = sqlite.prepare(
		`insert into company (id, slug, name, name_key, domain, website, industry, created_at, created_by)
		values (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const insertReport = sqlite.prepare(
		`insert into report (${reportColumns.join(', ')})
		values (${reportColumns.map(() => '?').join(', ')})`
	);
	const insertChannel = sqlite.prepare(
		'insert into report_channel (report_id, channel) values (?, ?)'
	);
	const insertEscalation = sqlite.prepare(
		'insert into report_escalation (report_id, escalation) values (?, ?)'
	);
	const insertCategory = sqlite.prepare(
		'insert or ignore into report_category (report_id, category) values (?, ?)'
	);
	const insertTrigger = sqlite.prepare(
		'insert or ignore into report_trigger (report_id, "trigger") values (?, ?)'
	);
	// The mission cases' facts beyond the generated reports' columns, and their timelines.
	const completeMissionCase = sqlite.prepare(
		`update report set agents_at_least = ?, order_value_minor = ?, resolved_by = ?, promises_made = ?, promises_broken = coalesce(?, promises_broken),
		outage_minutes = ?, promise_delta_minutes = ?, resolved_on = ? where id = ?`
	);
	const insertEvent = sqlite.prepare(insertEventSql);

	let channelRows = 0;
	let escalationRows = 0;
	const row: unknown[] = new Array(reportColumns.length);

	const writeUsersAndCompanies = () => {
		userIds.forEach((id, i) => {
			const pseudonym = `Consumer ${String(random.int(1_000_000)).padStart(6, '0')}`;
			const createdAt = spanStart - (random.int(600) + 1) * DAY + random.int(DAY);
			insertUser.run(
				id,
				`demo-user-${i}@${demoEmailDomain}`,
				demoPasswordHash,
				pseudonym,
				createdAt
			);
		});
		companyRows.forEach((c, i) => {
			const createdAt = spanStart - random.int(400) * DAY - random.int(DAY);
			const createdBy = random.chance(0.7) ? random.pick(userIds) : null;
			insertCompany.run(
				firstCompanyId + i,
				c.slug,
				c.name,
				c.nameKey,
				c.domain,
				`https://${c.domain}`,
				c.industry,
				createdAt,
				createdBy
			);
		});
	};

	const writeMissionCases = (count: number) => {
		for (let i = 0; i < count; i++) {
			const c = missionCases[i]!;
			const id = firstReportId + i;
			const createdAt = untilMs - DAY + (i + 1) * 2 * 3_600_000;
			insertReport.run(
				id,
				companyIdByKey.get(normaliseCompanyName(c.company))!,
				userIds[i]!,
				c.title,
				c.product,
				c.category,
				c.trigger,
				c.startedOn,
				c.endedOn,
				c.contacts,
				c.effortMinutes,
				c.agents,
				c.promisesBroken,
				c.currency,
				c.amountDisputedMinor,
				c.amountRecoveredMinor,
				c.outcome,
				c.rating,
				c.narrative,
				renderMarkdown(c.narrative),
				c.language,
				createdAt,
				createdAt,
				c.country,
				c.region,
				// What resolved it and when: set with the rest of its case below.
				null,
				null
			);
			const figures = deriveCaseFigures(c.events);
			completeMissionCase.run(
				c.agentsAtLeast ? 1 : 0,
				c.orderValueMinor ?? null,
				c.resolvedBy,
				figures.promisesMade,
				figures.promisesBroken,
				figures.outageMinutes,
				figures.promiseDeltaMinutes,
				figures.resolvedOn,
				id
			);
			c.events.forEach((e, position) => insertEvent.run(...eventParameters(id, position, e)));
			for (const channel of c.channels) insertChannel.run(id, channel);
			for (const escalation of c.escalations) insertEscalation.run(id, escalation);
			// The main failure and circumstance are linked with every report's after the load.
			for (const category of c.categories ?? []) insertCategory.run(id, category);
			for (const trigger of c.triggers ?? []) insertTrigger.run(id, trigger);
			channelRows += c.channels.length;
			escalationRows += c.escalations.length;
		}
	};

	const missionCount = Math.min(reportTotal, missionCases.length);
	const generatedTotal = reportTotal - missionCount;

	/** Writes generated report number g (0-based, in filing order). */
	const writeGenerated = (g: number) => {
		const id = firstReportId + missionCount + g;
		// Filing times rise with the id, denser towards the end: the platform grows.
		const createdAt =
			spanStart + Math.floor(spanLength * ((g + random.next()) / generatedTotal) ** 0.75);
		const createdDay = Math.floor(createdAt / DAY);
		const company = ranked[random.index(companySums)]!;
		const industry = industries[company.industry]!;
		const categoryIndex = random.index(categorySums[company.industry]!);
		const category = categories[categoryIndex]!;
		const triggerIndex = random.index(triggerSums[categoryIndex]!);
		const trigger = triggerIndex < triggers.length ? triggers[triggerIndex]! : null;

		const choice = languageChoices[company.market];
		let language = choice.languages[random.index(choice.sums)]!;
		if (!hasLocalTexts(language, category, industry)) language = 'en';
		const product = random.pick(products[language][industry]!);
		const narratives = pool.get(poolKey(language, category, trigger))!;
		const narrative = narratives[random.int(narratives.length)]!;

		const outcomeIndex = random.index(outcomeSums[categoryIndex]!);
		const rating = random.index(ratingWeights[outcomeIndex]!) + 1;

		// Effort: most people give up after a few contacts, a few go on for months.
		const contacts = random.chance(0.12) ? null : 1 + Math.floor(59 * random.next() ** 3);
		const agents =
			contacts === null || random.chance(0.2)
				? null
				: Math.max(1, Math.round(contacts * (0.5 + 1.3 * random.next())));
		let effortMinutes: number | null = null;
		if (!random.chance(0.15)) {
			const minutes =
				contacts === null
					? 15 * random.between(1, 40)
					: contacts * (10 + 50 * random.next()) + 240 * random.next() ** 4;
			effortMinutes = Math.min(6000, Math.max(15, Math.ceil(minutes / 15) * 15));
		}
		let promisesBroken: number | null = null;
		if (!random.chance(0.2)) {
			promisesBroken =
				Math.floor(9 * random.next() ** 2.5) + (category === 'broken-promise' ? 1 : 0);
		}

		// Money in the company's currency, now and then in another.
		let currency: string | null = null;
		let disputed: number | null = null;
		let recovered: number | null = null;
		if (random.chance(moneyShare[category])) {
			currency = random.chance(0.92)
				? markets[company.market].currency
				: random.pick(foreignCurrencies);
			const usd = Math.min(
				50_000,
				Math.max(1, medianAmountUsd[industry] * Math.exp(1.1 * random.normal()))
			);
			disputed = Math.max(1, Math.round(usd * perUsd[currency]! * scale(currency)));
			const r = random.next();
			if (outcomeIndex === 2) {
				// Resolved: usually all of it, sometimes part, now and then a goodwill extra.
				recovered =
					r < 0.8
						? disputed
						: r < 0.95
							? Math.round(disputed * (0.3 + 0.6 * random.next()))
							: Math.round(disputed * (1.1 + 0.4 * random.next()));
			} else if (outcomeIndex === 1) {
				recovered = Math.round(disputed * (0.1 + 0.8 * random.next()));
			} else {
				recovered = r < 0.85 ? 0 : null;
			}
		}

		// The incident started before the report, and ended (if it did) by the time of filing.
		const startDay = createdDay - Math.floor(420 * random.next() ** 3);
		const ongoing = random.chance(outcomeIndex === 0 ? 0.6 : 0.1);
		const endDay = ongoing
			? null
			: startDay + Math.floor((createdDay - startDay) * random.next() ** 1.5);
		const updatedAt = random.chance(0.08)
			? Math.min(untilMs - 1, createdAt + random.int(30 * DAY))
			: createdAt;
		const authorId = random.chance(0.02) ? null : userIds[random.int(userIds.length)]!;

		row[0] = id;
		row[1] = company.id;
		row[2] = authorId;
		row[3] = composeTitle(random, language, category, trigger, product);
		row[4] = product;
		row[5] = category;
		row[6] = trigger;
		row[7] = isoDay(startDay);
		row[8] = endDay === null ? null : isoDay(endDay);
		row[9] = contacts;
		row[10] = effortMinutes;
		row[11] = agents;
		row[12] = promisesBroken;
		row[13] = currency;
		row[14] = disputed;
		row[15] = recovered;
		row[16] = outcomes[outcomeIndex];
		row[17] = rating;
		row[18] = narrative.markdown;
		row[19] = narrative.html;
		row[20] = language;
		row[21] = createdAt;
		row[22] = updatedAt;
		[row[23], row[24]] = consumerPlace(id, company.market);

		// Distinct channels and escalations, written in taxonomy order after the report.
		let mask = 0;
		for (let n = random.index(channelCountSums) + 1; n > 0;) {
			const bit = 1 << random.index(channelSums);
			if (!(mask & bit)) {
				mask |= bit;
				n--;
			}
		}
		const channelMask = mask;
		let escalationMask = 0;
		if (random.chance(0.2 + 0.5 * Math.min(1, (contacts ?? 5) / 25))) {
			for (let n = random.index(escalationCountSums) + 1; n > 0;) {
				const bit = 1 << random.index(escalationSums);
				if (!(escalationMask & bit)) {
					escalationMask |= bit;
					n--;
				}
			}
		}
		const story = caseStory({
			seed,
			id,
			startDay,
			endDay,
			createdDay,
			resolved: outcomeIndex === 2,
			escalationMask
		});
		row[25] = story.resolvedBy;
		row[26] = story.resolvedDay === null ? null : isoDay(story.resolvedDay);
		insertReport.run(row);
		for (let c = 0; c < channels.length; c++) {
			if (channelMask & (1 << c)) {
				insertChannel.run(id, channels[c]);
				channelRows++;
			}
		}
		for (let e = 0; e < escalations.length; e++) {
			if (escalationMask & (1 << e)) {
				insertEscalation.run(id, escalations[e]);
				escalationRows++;
			}
		}
		story.events.forEach((e, position) => {
			insertEvent.run(id, position, e.kind, isoDay(e.day), null, null, null, e.escalationTo, null);
		});
	};

	// For the load only: no fsync (a crash leaves a demo database to delete, not real data), a
	// bigger page cache, the file memory-mapped (the roll-up rebuild scans the report table a few
	// dozen times), and a rollback journal instead of the write-ahead log: into an almost empty
	// file, one big transaction writes its pages once, straight to the file, where a log would
	// take them twice and serve later reads of them through read calls.
	const restorePragmas = tunePragmas(sqlite, {
		synchronous: 'OFF',
		cache_size: -262_144,
		temp_store: 'MEMORY',
		mmap_size: 2 ** 31 - 2 ** 16
	});
	const restoreJournal = useRollbackJournal(sqlite);
	try {
		options.onStage?.('reports');
		// One transaction: an interrupted load leaves no reports, and never a dropped trigger.
		sqlite.transaction(() => {
			const deferred = deferInsertTriggers(sqlite, 'report');
			writeUsersAndCompanies();
			writeMissionCases(missionCount);
			for (let g = 0; g < generatedTotal; g++) {
				writeGenerated(g);
				const done = missionCount + g + 1;
				if (done % progressEvery === 0) options.onProgress?.(done, reportTotal);
			}
			// Each report names its category and circumstance as its only ones (decision 028).
			sqlite
				.prepare(
					'insert or ignore into report_category (report_id, category) select id, category from report where id >= ?'
				)
				.run(firstReportId);
			sqlite
				.prepare(
					`insert or ignore into report_trigger (report_id, "trigger")
					select id, "trigger" from report where id >= ? and "trigger" is not null`
				)
				.run(firstReportId);
			options.onStage?.('search index');
			deferred.replay(firstReportId);
		})();
		finishBulkLoad(conn, options.onStage);
	} finally {
		restoreJournal();
		restorePragmas();
	}
	sqlite.pragma('wal_checkpoint(TRUNCATE)');
	return {
		reports: reportTotal,
		companies: companyRows.length,
		users: userIds.length,
		channels: channelRows,
		escalations: escalationRows
	};
}

/**
 * Switches a write-ahead-logged database to a rollback journal, when no other connection has it
 * open (else it stays as it is), and returns a function that switches it back.
 */
function useRollbackJournal(sqlite: Connection['$client']): () => void {
	const previous = String(sqlite.pragma('journal_mode', { simple: true }));
	if (previous.toLowerCase() !== 'wal') return () => {};
	try {
		sqlite.pragma('journal_mode = DELETE');
	} catch {
		// Another connection has the file open: keep the log, which is slower but correct.
	}
	return () => sqlite.pragma(`journal_mode = ${previous}`);
}
