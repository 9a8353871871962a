/**
 * A durable job runner: scheduled work is kept as `job` rows (kind, payload, due time, state) and
 * claimed by one atomic UPDATE … RETURNING, so every worker process may run the loop on the same
 * SQLite file and each job still runs once; rows outlive restarts (docs/decisions/029-jobs-and-follow-ups.md).
 *
 * Registering work is one call on a registry (the app's is `jobKinds` in kinds.ts):
 *
 *   jobKinds.define('letter-reminder', (ctx, payload) => { … });        // run by scheduleJob()
 *   jobKinds.daily('company-digest', (ctx) => { … }, { atHourUtc: 6 }); // once a day, 06:00 UTC
 *   jobKinds.every('followup-questions', HOUR_MS, (ctx) => { … });      // every hour
 */
import { and, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Connection, Db } from '../db/client';
import { job, type Job } from '../db/schema';
import type { MailTransport } from '../mail/mail';
import { parseJsonObject } from '../json-object';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** A job claimed this long ago and not finished was left by a process that stopped: run it again. */
export const JOB_LEASE_MS = 15 * 60_000;
/** After this many failed attempts a job is left `failed` (with its last error) for a person. */
export const MAX_ATTEMPTS = 5;

/** What a handler gets: the database, the mail transport and the site's address for links. */
/** A job runs on the app's own connection (a dataset build opens a snapshot of its file). */
export type JobContext = { db: Connection; mail: MailTransport; origin: string; now: number };
export type JobHandler = (
	ctx: JobContext,
	payload: Record<string, unknown>
) => void | Promise<void>;

type Kind = {
	run: JobHandler;
	/** For recurring kinds: when the next run is due after one that ran at `now`. */
	next?: (now: number) => number;
	/**
	 * Daily kinds wait for their hour, even on a fresh install: a digest mailed or a dataset
	 * rebuilt at each first start would come at whatever time the server happened to start.
	 */
	waitsForHour?: boolean;
};

/** The kinds of job a process knows how to run. */
export class JobRegistry {
	readonly kinds = new Map<string, Kind>();

	/** A kind run once per scheduleJob() call. */
	define(kind: string, run: JobHandler): this {
		if (this.kinds.has(kind)) throw new Error(`job kind "${kind}" is registered twice`);
		this.kinds.set(kind, { run });
		return this;
	}

	/** A kind run every `intervalMs`, first as soon as the runner starts. */
	every(kind: string, intervalMs: number, run: JobHandler): this {
		this.define(kind, run);
		this.kinds.get(kind)!.next = (now) => now + intervalMs;
		return this;
	}

	/** A kind run once a day, at `atHourUtc` o'clock UTC (first at the next such hour). */
	daily(kind: string, run: JobHandler, options: { atHourUtc?: number } = {}): this {
		this.define(kind, run);
		const added = this.kinds.get(kind)!;
		added.next = (now) => nextDailyAt(now, options.atHourUtc ?? 3);
		added.waitsForHour = true;
		return this;
	}
}

/** The first `hour`:00 UTC strictly after `now`. */
export function nextDailyAt(now: number, hour: number): number {
	const today = Math.floor(now / DAY_MS) * DAY_MS + hour * HOUR_MS;
	return today > now ? today : today + DAY_MS;
}

/** Keeps one job of `kind` due at `dueAt`; with a `key`, a second call for the same key does nothing. */
export function scheduleJob(
	db: Db,
	kind: string,
	options: { dueAt: number; payload?: Record<string, unknown>; key?: string }
): void {
	db.insert(job)
		.values({
			kind,
			payload: JSON.stringify(options.payload ?? {}),
			key: options.key ?? null,
			dueAt: options.dueAt
		})
		.onConflictDoNothing()
		.run();
}

const recurringKey = (kind: string) => `recurring:${kind}`;

/**
 * Gives every recurring kind its one row (`recurring:<kind>`) unless it has one: due now, or at
 * its hour for a daily kind.
 */
export function armRecurringJobs(db: Db, registry: JobRegistry, now: number): void {
	const recurring = [...registry.kinds].filter(([, k]) => k.next);
	const keys = recurring.map(([kind]) => recurringKey(kind));
	if (keys.length === 0) return;
	// Read first: a timer tick that finds every row in place takes no write lock.
	const armed = new Set(
		db
			.select({ key: job.key })
			.from(job)
			.where(inArray(job.key, keys))
			.all()
			.map((row) => row.key)
	);
	for (const [kind, { next, waitsForHour }] of recurring) {
		const key = recurringKey(kind);
		if (!armed.has(key)) {
			scheduleJob(db, kind, { dueAt: waitsForHour ? next!(now) : now, key });
		}
	}
}

/**
 * Claims up to `limit` due jobs of known kinds in one statement: SQLite runs an UPDATE alone, so
 * two processes calling this together never get the same row.
 */
export function claimDueJobs(db: Db, kinds: string[], now: number, limit = 20): Job[] {
	if (kinds.length === 0) return [];
	const claimable = or(
		and(eq(job.state, 'due'), lte(job.dueAt, now)),
		and(eq(job.state, 'running'), lte(job.claimedAt, now - JOB_LEASE_MS))
	);
	// Most ticks find nothing due: a read answers that without the write lock an UPDATE takes.
	const anyDue = db
		.select({ id: job.id })
		.from(job)
		.where(and(claimable, inArray(job.kind, kinds)))
		.limit(1)
		.get();
	if (!anyDue) return [];
	return db
		.update(job)
		.set({ state: 'running', claimedAt: now, attempts: sql`${job.attempts} + 1` })
		.where(
			inArray(
				job.id,
				db
					.select({ id: job.id })
					.from(job)
					.where(and(claimable, inArray(job.kind, kinds)))
					.orderBy(job.dueAt, job.id)
					.limit(limit)
			)
		)
		.returning()
		.all();
}

/** Where a job goes after its run: done, re-armed (recurring), retried later, or failed. */
function settle(db: Db, row: Job, kind: Kind, now: number, error: unknown): void {
	const lastError = error === null ? null : String(error instanceof Error ? error.message : error);
	// A recurring kind's own row is re-armed; a one-off run of it (scheduleJob) is done like any other.
	if (kind.next && row.key === recurringKey(row.kind)) {
		db.update(job)
			.set({ state: 'due', dueAt: kind.next(now), finishedAt: now, attempts: 0, lastError })
			.where(eq(job.id, row.id))
			.run();
	} else if (error === null || kind.next) {
		db.update(job).set({ state: 'done', finishedAt: now }).where(eq(job.id, row.id)).run();
	} else {
		const failed = row.attempts >= MAX_ATTEMPTS;
		db.update(job)
			.set({
				state: failed ? 'failed' : 'due',
				// Retried after 1, 4, 9, 16 minutes.
				dueAt: now + row.attempts * row.attempts * 60_000,
				finishedAt: failed ? now : null,
				lastError
			})
			.where(eq(job.id, row.id))
			.run();
	}
}

/**
 * Runs every job due at `now` that this registry knows, each once; returns how many ran. Tests
 * call it directly; the server calls it from a timer (startJobTimer).
 */
export async function runDueJobs(
	ctx: Omit<JobContext, 'now'>,
	registry: JobRegistry,
	now = Date.now()
): Promise<number> {
	armRecurringJobs(ctx.db, registry, now);
	let ran = 0;
	for (;;) {
		const claimed = claimDueJobs(ctx.db, [...registry.kinds.keys()], now);
		if (claimed.length === 0) return ran;
		for (const row of claimed) {
			const kind = registry.kinds.get(row.kind)!;
			let error: unknown = null;
			try {
				await kind.run({ ...ctx, now }, parseJsonObject(row.payload));
			} catch (e) {
				error = e ?? 'failed';
				console.error(`[jobs] ${row.kind} #${row.id} failed`, e);
			}
			settle(ctx.db, row, kind, now, error);
			ran += 1;
		}
	}
}

/**
 * Runs due jobs every `intervalMs` in this process (one run at a time); returns a stop function.
 * Every worker may run one: claims keep each job to one process.
 */
export function startJobTimer(
	ctx: Omit<JobContext, 'now'>,
	registry: JobRegistry,
	intervalMs: number
): () => void {
	let running = false;
	const tick = async () => {
		if (running) return;
		running = true;
		try {
			await runDueJobs(ctx, registry);
		} catch (error) {
			console.error('[jobs] the runner failed', error);
		} finally {
			running = false;
		}
	};
	const timer = setInterval(tick, intervalMs);
	timer.unref();
	void tick();
	return () => clearInterval(timer);
}
