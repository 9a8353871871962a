/**
 * The facet index: the filterable facts of every visible report, held in typed arrays (about 40
 * bytes a report: 40 MB for a million), so that explore can count, chart and list any
 * combination of filters in one pass over memory. The same counts straight from SQLite cost
 * 0.5–3 s on a million reports; a pass over the arrays costs a few milliseconds.
 *
 * It stays in step through `report_change`, a log written by triggers whoever writes (this
 * server, an import, a script; drizzle/0004): before each use the index reads the log past the
 * last change it applied and re-reads those reports. The SQL conditions of explore.ts remain
 * the reference (exports, the API and feeds use them), and tests compare the two.
 */
import type Database from 'better-sqlite3';
import type { Db, Connection } from '../db/client';
import {
	categories,
	channels,
	escalations,
	outcomes,
	reportLanguages,
	reportSources,
	triggers
} from '../../taxonomy';
import { countryCodes, regionCodes } from '../places/places';
import { resolutionRoutes } from '../../case-timeline';
import { TermSets } from './term-sets';

/** value → code (1…n); 0 means null or unknown. */
function codes(values: readonly string[]): Map<string, number> {
	return new Map(values.map((v, i) => [v, i + 1]));
}
const categoryCode = codes(categories);
const triggerCode = codes(triggers);
const outcomeCode = codes(outcomes);
const languageCode = codes(reportLanguages);
const sourceCode = codes(reportSources);
/** About 250 countries (a byte) and 5,000 first-level regions (two bytes). */
const countryCode = codes(countryCodes);
const regionCode = codes(regionCodes);
const resolvedByCode = codes(resolutionRoutes);
/** Channels and escalations are bit sets: bit i for the i-th value of the taxonomy. */
const channelBit = new Map<string, number>(channels.map((v, i) => [v, 1 << i]));
const escalationBit = new Map<string, number>(escalations.map((v, i) => [v, 1 << i]));

const DAY_MS = 86_400_000;
/** Months from 1970 to 2199: the range of the per-month counts. */
const MONTHS = 230 * 12;
/** Months since January 1970: the chart's unit. */
function monthNumber(ms: number): number {
	const d = new Date(ms);
	return Math.min(MONTHS - 1, Math.max(0, (d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth()));
}
export function monthKey(month: number): string {
	const year = 1970 + Math.floor(month / 12);
	return `${String(year).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}`;
}
/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD); 0 when it is not one. */
export function dayNumber(iso: string): number {
	const ms = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
	return Number.isFinite(ms) ? Math.floor(ms / DAY_MS) : 0;
}

type FactRow = [
	id: number,
	createdAt: number,
	companyId: number,
	category: string,
	trigger: string | null,
	outcome: string,
	rating: number | null,
	language: string,
	source: string,
	startedOn: string,
	country: string | null,
	region: string | null,
	resolvedBy: string | null
];

/** Which reports a query selects; arrays are "any of", as in explore. Null or empty: no filter. */
export type FacetFilter = {
	/** Names the filter: the last match is reused for the same key and data (e.g. a page's count, then its list). */
	key?: string;
	/** Company ids allowed (company and industry filters, already resolved), or null. */
	companies: Uint8Array | null;
	category: readonly string[];
	trigger: readonly string[];
	outcome: readonly string[];
	rating: readonly number[];
	language: readonly string[];
	source: readonly string[];
	channel: readonly string[];
	escalation: readonly string[];
	/** ISO 3166-1 and 3166-2 codes of the consumer's country and region. */
	country: readonly string[];
	region: readonly string[];
	/** What resolved the case, as its author says (the company, or an escalation). */
	resolvedBy: readonly string[];
	/** Inclusive day numbers of the incident's start date. */
	fromDay: number | null;
	toDay: number | null;
	/** A text search's matches, as a set of slots from `textMatches`, or null for all. */
	text: Uint32Array | null;
};

export type FacetSummary = {
	total: number;
	/** Months since 1970 → reports, for the months that have any. */
	months: { month: number; n: number }[];
	categories: { key: string; n: number }[];
	/** Company id → reports, the ten with most. */
	topCompanies: { companyId: number; n: number }[];
};

export type FacetCursor = { createdAt: number; id: number };

const LOAD_BATCH = 20_000;
/** More pending changes than this: a fresh load is cheaper than re-reading them one by one. */
const RELOAD_AFTER = 50_000;
/** Databases up to this size are loaded at once; larger ones in batches between requests. */
const SYNC_LOAD_MAX = 100_000;

const factColumns = `id, created_at, company_id, category, "trigger", outcome, rating, language, source, started_on, country, region, resolved_by`;

export class FacetIndex {
	private size = 0;
	private ids = new Int32Array(0);
	private createdAt = new Float64Array(0);
	private month = new Int32Array(0);
	private startedDay = new Int32Array(0);
	private company = new Int32Array(0);
	private category = new Uint8Array(0);
	private trigger = new Uint8Array(0);
	private outcome = new Uint8Array(0);
	private rating = new Uint8Array(0);
	private language = new Uint8Array(0);
	private source = new Uint8Array(0);
	private country = new Uint8Array(0);
	private region = new Uint16Array(0);
	private resolvedBy = new Uint8Array(0);
	private channels = new Uint16Array(0);
	private escalations = new Uint16Array(0);
	/** 1 while the report is visible; a removed report's slot stays until the next load. */
	private alive = new Uint8Array(0);
	/** Report id → slot, -1 for none. */
	private slotOf = new Int32Array(0);
	private maxCompanyId = 0;
	/** The last change (report_change.seq) the arrays reflect. */
	private seq = 0;
	private prunedTo = 0;
	/** Changes whenever the arrays do: what cached results are checked against. */
	version = 0;
	/** Which reports contain a word, kept in step with the facts (term-sets.ts). */
	private readonly terms: TermSets;
	/** The warm-up of the common words' sets after the last load (tests wait for it). */
	warming: Promise<void> = Promise.resolve();
	private state: 'empty' | 'loading' | 'ready' = 'empty';
	private readonly statements;

	private readonly loadBatch: number;
	private readonly warmTerms: boolean;
	private readonly syncLoadMax: number;

	constructor(
		sqlite: Database.Database,
		options: { loadBatch?: number; syncLoadMax?: number; warmTerms?: boolean } = {}
	) {
		this.warmTerms = options.warmTerms ?? true;
		this.loadBatch = options.loadBatch ?? LOAD_BATCH;
		this.syncLoadMax = options.syncLoadMax ?? SYNC_LOAD_MAX;
		this.statements = {
			// The last number AUTOINCREMENT gave, kept even when the rows are deleted.
			lastSeq: sqlite
				.prepare(
					"select coalesce((select seq from sqlite_sequence where name = 'report_change'), 0)"
				)
				.pluck(),
			changes: sqlite
				.prepare('select seq, report_id from report_change where seq > ? order by seq limit ?')
				.raw(),
			count: sqlite.prepare('select count(*) from report').pluck(),
			batch: sqlite
				.prepare(
					`select ${factColumns} from report where id > ? and hidden_at is null order by id limit ?`
				)
				.raw(),
			channels: sqlite
				.prepare('select report_id, channel from report_channel where report_id between ? and ?')
				.raw(),
			escalations: sqlite
				.prepare(
					'select report_id, escalation from report_escalation where report_id between ? and ?'
				)
				.raw(),
			byIds: sqlite
				.prepare(
					`select ${factColumns} from report where id in (select value from json_each(?)) and hidden_at is null`
				)
				.raw(),
			channelsByIds: sqlite
				.prepare(
					'select report_id, channel from report_channel where report_id in (select value from json_each(?))'
				)
				.raw(),
			escalationsByIds: sqlite
				.prepare(
					'select report_id, escalation from report_escalation where report_id in (select value from json_each(?))'
				)
				.raw(),
			prune: sqlite.prepare('delete from report_change where seq <= ?')
		};
		this.terms = new TermSets(sqlite, {
			slot: (id) => this.slot(id),
			capacity: () => this.ids.length,
			version: () => this.version
		});
	}

	/** True when the arrays answer queries; otherwise a load is under way (or starts now). */
	ready(): boolean {
		if (this.state === 'empty') this.load();
		if (this.state !== 'ready') return false;
		this.catchUp();
		return this.state === 'ready';
	}

	/** Loads every visible report: at once when the database is small, else between requests. */
	load(): void {
		if (this.state === 'loading') return;
		this.state = 'loading';
		const startSeq = this.statements.lastSeq.get() as number;
		const expected = this.statements.count.get() as number;
		this.reset(Math.max(1024, Math.ceil(expected * 1.1)));
		let after = 0;
		const step = (): boolean => {
			const rows = this.statements.batch.all(after, this.loadBatch) as FactRow[];
			if (!rows.length) return false;
			const first = rows[0]![0];
			after = rows[rows.length - 1]![0];
			for (const row of rows) this.put(row, 0, 0);
			this.applyTags(
				this.statements.channels.all(first, after) as [number, string][],
				this.statements.escalations.all(first, after) as [number, string][]
			);
			return rows.length === this.loadBatch;
		};
		const finish = () => {
			this.seq = startSeq;
			this.version++;
			this.state = 'ready';
			this.prune();
			// Changes made while loading are re-read now.
			this.catchUp();
			if (this.warmTerms) this.warming = this.terms.warm(this.sampleIds(2_000));
		};
		if (expected <= this.syncLoadMax) {
			while (step());
			finish();
			return;
		}
		const started = performance.now();
		const next = () => {
			try {
				if (step()) setImmediate(next);
				else {
					finish();
					const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
					console.info(`facet index: ${this.size} reports loaded in ${seconds(started)} s`);
					const warming = performance.now();
					void this.warming.then(() =>
						console.info(
							`word sets: ${this.terms.stats().kept} common words read in ${seconds(warming)} s`
						)
					);
				}
			} catch (e) {
				this.state = 'empty';
				console.error('facet index: load failed', e);
			}
		};
		setImmediate(next);
	}

	/** Applies the changes logged since the last use (none, usually: one indexed read). */
	private catchUp(): void {
		const last = this.statements.lastSeq.get() as number;
		if (last === this.seq) return;
		const changes = this.statements.changes.all(this.seq, RELOAD_AFTER + 1) as [number, number][];
		// Numbers run without gaps, so a missing one means the log was emptied past what the
		// arrays hold (e.g. after a bulk load): start over, as when there are too many changes.
		if (last < this.seq || changes[0]?.[0] !== this.seq + 1 || changes.length > RELOAD_AFTER) {
			return this.reload();
		}
		const ids = [...new Set(changes.map(([, id]) => id))];
		for (let i = 0; i < ids.length; i += 500) this.refresh(ids.slice(i, i + 500));
		this.seq = changes[changes.length - 1]![0];
		this.version++;
		this.prune();
	}

	/**
	 * Keeps the log short (one delete per 1,000 changes), but the last RELOAD_AFTER changes stay:
	 * other worker processes, each with its own index on this file (decision 026), may not have
	 * read them yet, and one that finds its next change pruned must load everything afresh.
	 */
	private prune(): void {
		const upTo = this.seq - RELOAD_AFTER;
		if (upTo - this.prunedTo < 1000) return;
		this.prunedTo = upTo;
		try {
			this.statements.prune.run(upTo);
		} catch {
			// Busy (an import holds the write lock): the next prune removes these too.
		}
	}

	private reload(): void {
		this.state = 'empty';
		this.load();
	}

	/** Re-reads some reports: changed ones are overwritten, new ones added, gone ones removed. */
	private refresh(ids: number[]): void {
		const json = JSON.stringify(ids);
		const rows = this.statements.byIds.all(json) as FactRow[];
		const seen = new Set<number>();
		for (const row of rows) {
			seen.add(row[0]);
			const slot = this.slot(row[0]);
			this.put(row, 0, 0, slot);
		}
		for (const id of ids) {
			const slot = this.slot(id);
			if (!seen.has(id) && slot >= 0) this.alive[slot] = 0;
		}
		this.applyTags(
			this.statements.channelsByIds.all(json) as [number, string][],
			this.statements.escalationsByIds.all(json) as [number, string][]
		);
		this.terms.changed(ids);
	}

	/** Up to `n` report ids spread evenly over the slots. */
	private sampleIds(n: number): number[] {
		const out: number[] = [];
		const step = Math.max(1, this.size / n);
		for (let i = 0; i < this.size && out.length < n; i += step) out.push(this.ids[Math.floor(i)]!);
		return out;
	}

	private slot(id: number): number {
		return id < this.slotOf.length ? this.slotOf[id]! : -1;
	}

	private applyTags(channelRows: [number, string][], escalationRows: [number, string][]) {
		for (const [id, value] of channelRows) {
			const slot = this.slot(id);
			if (slot >= 0) this.channels[slot]! |= channelBit.get(value) ?? 0;
		}
		for (const [id, value] of escalationRows) {
			const slot = this.slot(id);
			if (slot >= 0) this.escalations[slot]! |= escalationBit.get(value) ?? 0;
		}
	}

	/** Writes one report's facts into its slot (a new slot when it has none); tags start empty. */
	private put(row: FactRow, channels: number, escalations: number, existing = -1): void {
		const [id, createdAt, companyId, category, trigger, outcome, rating, language, source] = row;
		let slot = existing;
		if (slot < 0) {
			if (this.size === this.ids.length) this.grow(this.size * 2);
			slot = this.size++;
			if (id >= this.slotOf.length) {
				const bigger = new Int32Array(Math.max(id + 1, this.slotOf.length * 2)).fill(-1);
				bigger.set(this.slotOf);
				this.slotOf = bigger;
			}
			this.slotOf[id] = slot;
		}
		this.ids[slot] = id;
		this.createdAt[slot] = createdAt;
		this.startedDay[slot] = dayNumber(row[9]);
		// The chart's month is the incident's, as every date filter reads it (issue 18).
		this.month[slot] = monthNumber(this.startedDay[slot]! * DAY_MS);
		this.company[slot] = companyId;
		if (companyId > this.maxCompanyId) this.maxCompanyId = companyId;
		this.category[slot] = categoryCode.get(category) ?? 0;
		this.trigger[slot] = trigger ? (triggerCode.get(trigger) ?? 0) : 0;
		this.outcome[slot] = outcomeCode.get(outcome) ?? 0;
		this.rating[slot] = rating ?? 0;
		this.language[slot] = languageCode.get(language) ?? 0;
		this.source[slot] = sourceCode.get(source) ?? 0;
		this.country[slot] = row[10] ? (countryCode.get(row[10]) ?? 0) : 0;
		this.region[slot] = row[11] ? (regionCode.get(row[11]) ?? 0) : 0;
		this.resolvedBy[slot] = row[12] ? (resolvedByCode.get(row[12]) ?? 0) : 0;
		this.channels[slot] = channels;
		this.escalations[slot] = escalations;
		this.alive[slot] = 1;
	}

	private reset(capacity: number): void {
		this.size = 0;
		this.maxCompanyId = 0;
		this.terms.clear();
		this.slotOf = new Int32Array(0);
		this.ids = new Int32Array(0);
		this.grow(capacity);
	}

	private grow(capacity: number): void {
		const resize = <T extends Int32Array | Float64Array | Uint8Array | Uint16Array>(
			a: T,
			make: (n: number) => T
		): T => {
			const b = make(capacity);
			b.set(a.subarray(0, this.size) as never);
			return b;
		};
		this.ids = resize(this.ids, (n) => new Int32Array(n));
		this.createdAt = resize(this.createdAt, (n) => new Float64Array(n));
		this.month = resize(this.month, (n) => new Int32Array(n));
		this.startedDay = resize(this.startedDay, (n) => new Int32Array(n));
		this.company = resize(this.company, (n) => new Int32Array(n));
		this.category = resize(this.category, (n) => new Uint8Array(n));
		this.trigger = resize(this.trigger, (n) => new Uint8Array(n));
		this.outcome = resize(this.outcome, (n) => new Uint8Array(n));
		this.rating = resize(this.rating, (n) => new Uint8Array(n));
		this.language = resize(this.language, (n) => new Uint8Array(n));
		this.source = resize(this.source, (n) => new Uint8Array(n));
		this.country = resize(this.country, (n) => new Uint8Array(n));
		this.region = resize(this.region, (n) => new Uint16Array(n));
		this.resolvedBy = resize(this.resolvedBy, (n) => new Uint8Array(n));
		this.channels = resize(this.channels, (n) => new Uint16Array(n));
		this.escalations = resize(this.escalations, (n) => new Uint16Array(n));
		this.alive = resize(this.alive, (n) => new Uint8Array(n));
	}

	/** Work space for `match`: reused, since one query runs at a time. */
	private matched = new Int32Array(0);

	/**
	 * The slots of the visible reports the filter selects, as the first `n` entries of a shared
	 * buffer (valid until the next call). Each filter narrows the list in one tight pass over
	 * one column, so the selective ones make the later passes short.
	 */
	private match(filter: FacetFilter): { slots: Int32Array; n: number } {
		const last = this.lastMatch;
		if (filter.key && last?.key === filter.key && last.version === this.version) return last;
		const found = this.matchAfresh(filter);
		this.lastMatch = filter.key
			? { key: filter.key, version: this.version, slots: found.slots.slice(0, found.n), n: found.n }
			: null;
		return found;
	}

	/** The last named match, kept (a copy) for the next call with the same key. */
	private lastMatch: { key: string; version: number; slots: Int32Array; n: number } | null = null;

	private matchAfresh(filter: FacetFilter): { slots: Int32Array; n: number } {
		if (this.matched.length < this.size) this.matched = new Int32Array(this.ids.length);
		const slots = this.matched;
		const alive = this.alive;
		let n = 0;
		if (filter.text) {
			// The set bits, lowest first: a sparse set costs little beyond its empty words.
			const bits = filter.text;
			const words = Math.min(bits.length, (this.size + 31) >>> 5);
			for (let w = 0; w < words; w++) {
				let x = bits[w]!;
				while (x !== 0) {
					const low = x & -x;
					const s = (w << 5) + 31 - Math.clz32(low);
					x ^= low;
					if (alive[s] === 1) slots[n++] = s;
				}
			}
		} else {
			for (let s = 0, size = this.size; s < size; s++) if (alive[s] === 1) slots[n++] = s;
		}
		const keep = (column: Uint8Array | Uint16Array | Int32Array, allowed: Uint8Array | null) => {
			if (!allowed) return;
			let k = 0;
			for (let i = 0; i < n; i++) {
				const s = slots[i]!;
				if (allowed[column[s]!] === 1) slots[k++] = s;
			}
			n = k;
		};
		const mask = (
			values: readonly (string | number)[],
			code: (v: string) => number,
			size = 256
		) => {
			if (!values.length) return null;
			const m = new Uint8Array(size);
			for (const v of values) m[typeof v === 'number' ? v : code(v)] = 1;
			m[0] = 0;
			return m;
		};
		keep(this.company, filter.companies);
		keep(
			this.category,
			mask(filter.category, (v) => categoryCode.get(v) ?? 0)
		);
		keep(
			this.trigger,
			mask(filter.trigger, (v) => triggerCode.get(v) ?? 0)
		);
		keep(
			this.outcome,
			mask(filter.outcome, (v) => outcomeCode.get(v) ?? 0)
		);
		keep(
			this.rating,
			mask(filter.rating, () => 0)
		);
		keep(
			this.language,
			mask(filter.language, (v) => languageCode.get(v) ?? 0)
		);
		keep(
			this.source,
			mask(filter.source, (v) => sourceCode.get(v) ?? 0)
		);
		keep(
			this.country,
			mask(filter.country, (v) => countryCode.get(v) ?? 0)
		);
		keep(
			this.region,
			mask(filter.region, (v) => regionCode.get(v) ?? 0, 65_536)
		);
		keep(
			this.resolvedBy,
			mask(filter.resolvedBy, (v) => resolvedByCode.get(v) ?? 0)
		);
		const anyBit = (column: Uint16Array, values: readonly string[], bit: Map<string, number>) => {
			if (!values.length) return;
			const want = values.reduce((b, v) => b | (bit.get(v) ?? 0), 0);
			let k = 0;
			for (let i = 0; i < n; i++) {
				const s = slots[i]!;
				if ((column[s]! & want) !== 0) slots[k++] = s;
			}
			n = k;
		};
		anyBit(this.channels, filter.channel, channelBit);
		anyBit(this.escalations, filter.escalation, escalationBit);
		if (filter.fromDay !== null || filter.toDay !== null) {
			const from = filter.fromDay ?? -Infinity;
			const to = filter.toDay ?? Infinity;
			const started = this.startedDay;
			let k = 0;
			for (let i = 0; i < n; i++) {
				const s = slots[i]!;
				const day = started[s]!;
				if (day >= from && day <= to) slots[k++] = s;
			}
			n = k;
		}
		return { slots, n };
	}

	/** Count, reports per month, per category and the ten companies with most reports. */
	summarise(filter: FacetFilter): FacetSummary {
		const { slots, n } = this.match(filter);
		const byMonth = new Int32Array(MONTHS);
		const byCategory = new Int32Array(categories.length + 1);
		const byCompany = new Int32Array(this.maxCompanyId + 1);
		const { month, category, company } = this;
		for (let i = 0; i < n; i++) {
			const s = slots[i]!;
			byMonth[month[s]!]!++;
			byCategory[category[s]!]!++;
			byCompany[company[s]!]!++;
		}
		const top: { companyId: number; n: number }[] = [];
		for (let id = 0; id < byCompany.length; id++) {
			const count = byCompany[id]!;
			if (!count) continue;
			if (top.length < 10) top.push({ companyId: id, n: count });
			else if (count > top[9]!.n) top[9] = { companyId: id, n: count };
			else continue;
			top.sort((a, b) => b.n - a.n || a.companyId - b.companyId);
		}
		const months: { month: number; n: number }[] = [];
		byMonth.forEach((count, m) => {
			if (count) months.push({ month: m, n: count });
		});
		return {
			total: n,
			months,
			categories: [...byCategory]
				.map((count, code) => ({ key: categories[code - 1] ?? '', n: count }))
				.filter((c) => c.n > 0 && c.key),
			topCompanies: top
		};
	}

	/** The ids of the newest `limit` selected reports strictly older than the cursor. */
	newest(filter: FacetFilter, limit: number, before: FacetCursor | null): number[] {
		const { slots, n } = this.match(filter);
		const keyAt: number[] = [];
		const idAt: number[] = [];
		const { createdAt, ids } = this;
		const beforeAt = before?.createdAt ?? Infinity;
		const beforeId = before?.id ?? Infinity;
		// Below this (time, id) nothing enters the list: most reports are dismissed by one test.
		let floorAt = -Infinity;
		let floorId = -Infinity;
		// Slots follow ids, and ids mostly follow time: from the end, the list fills with the
		// newest at once and the rest fail the first test.
		for (let j = n - 1; j >= 0; j--) {
			const s = slots[j]!;
			const t = createdAt[s]!;
			if (t < floorAt) continue;
			const id = ids[s]!;
			if (t === floorAt && id < floorId) continue;
			if (t > beforeAt || (t === beforeAt && id >= beforeId)) continue;
			let i = keyAt.length;
			// Insertion into the short sorted list (newest first).
			while (i > 0 && (keyAt[i - 1]! < t || (keyAt[i - 1]! === t && idAt[i - 1]! < id))) {
				keyAt[i] = keyAt[i - 1]!;
				idAt[i] = idAt[i - 1]!;
				i--;
			}
			keyAt[i] = t;
			idAt[i] = id;
			if (keyAt.length > limit) {
				keyAt.length = limit;
				idAt.length = limit;
			}
			if (keyAt.length === limit) {
				floorAt = keyAt[limit - 1]!;
				floorId = idAt[limit - 1]!;
			}
		}
		return idAt;
	}

	/**
	 * The slots of the reports whose title, product or narrative match every term, for
	 * `FacetFilter.text`. Terms are the parts of an FTS5 query (`"word"`, `"prefix"*`).
	 */
	textMatches(terms: readonly string[]): Uint32Array {
		return this.terms.match(terms);
	}

	/** Word sets kept, and read from FTS5 so far (tests; the benchmark's notes). */
	textStats(): { kept: number; reads: number } {
		return this.terms.stats();
	}

	/** How many visible reports the filter selects. */
	count(filter: FacetFilter): number {
		return this.match(filter).n;
	}

	/** The selected report ids, in no particular order. */
	select(filter: FacetFilter): number[] {
		const { slots, n } = this.match(filter);
		const out = new Array<number>(n);
		for (let i = 0; i < n; i++) out[i] = this.ids[slots[i]!]!;
		return out;
	}
}

const indexes = new WeakMap<Database.Database, FacetIndex>();

/**
 * The connection's facet index when it can answer now; null while it loads (callers then ask
 * SQLite) or for a transaction, whose uncommitted writes the index cannot see.
 */
export function facetsFor(db: Db): FacetIndex | null {
	const sqlite = (db as Partial<Connection>).$client;
	if (!sqlite || sqlite.inTransaction) return null;
	let index = indexes.get(sqlite);
	if (!index) {
		index = new FacetIndex(sqlite);
		indexes.set(sqlite, index);
	}
	return index.ready() ? index : null;
}

/** Starts loading the connection's facet index (at server start, so the first visitor need not wait). */
export function warmFacets(db: Connection): void {
	facetsFor(db);
}
