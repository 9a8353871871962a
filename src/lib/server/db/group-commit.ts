/**
 * Group commit: writes that arrive together share one transaction, so they pay for one COMMIT.
 *
 * A report's COMMIT is most of its cost (SQLite writes the WAL frames, and FTS5 a new index
 * segment, per transaction): on a million reports a submission costs about 2 ms alone and
 * 1.1–1.3 ms in a group of ten or more. Under load, submissions whose requests reach this
 * point in the same turn of the event loop are written together on the next turn; each runs in
 * its own savepoint, so one that throws is rolled back alone and the others are kept. Every
 * caller's promise settles only after the COMMIT: an acknowledged write is a durable one.
 */
import type { Connection, Db } from './client';

type Pending = {
	work: (tx: Db) => unknown;
	resolve: (value: unknown) => void;
	reject: (error: unknown) => void;
};

/** More than this many writes wait for the next group (a long transaction delays readers). */
const MAX_GROUP = 32;

export class GroupCommit {
	private queue: Pending[] = [];
	/** Transactions committed so far, the writes they held, and the times a group found another process writing (tests, diagnostics). */
	readonly stats = { groups: 0, writes: 0, waits: 0 };

	constructor(private readonly db: Connection) {}

	/**
	 * Runs `work` in a transaction shared with the writes queued beside it; settles after COMMIT.
	 * The work must be synchronous: what ran after an `await` would escape the transaction.
	 */
	run<T>(work: (tx: Db) => T extends PromiseLike<unknown> ? never : T): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
			if (this.queue.length === 1) setImmediate(() => this.flush());
		});
	}

	private flush(): void {
		const group = this.queue.splice(0, MAX_GROUP);
		if (this.queue.length) setImmediate(() => this.flush());
		this.write(group, performance.now());
	}

	/**
	 * Writes a group, or waits for the write lock when another process holds it: SQLite's own
	 * busy handler would sleep here, stopping this worker's every request while it waits (and
	 * in growing steps: 1, 2, 5 … 100 ms), so BEGIN does not wait and the group tries again from
	 * a timer, for as long as the connection's busy_timeout allows.
	 */
	private write(group: Pending[], since: number): void {
		const client = this.db.$client;
		const timeout = client.pragma('busy_timeout', { simple: true }) as number;
		const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
		let began = false;
		client.pragma('busy_timeout = 0');
		try {
			this.db.transaction(
				(tx) => {
					began = true;
					for (const { work } of group) {
						try {
							// A savepoint: a write that throws leaves the others in the group.
							const value = tx.transaction((inner) => {
								const result = work(inner);
								if (typeof (result as PromiseLike<unknown> | null)?.then === 'function') {
									throw new TypeError('group commit: a write must not be asynchronous');
								}
								return result;
							});
							outcomes.push({ ok: true, value });
						} catch (error) {
							// Some errors end the whole transaction (a full disk, RAISE(ROLLBACK)): the
							// writes before are gone too, and those after must not run outside it.
							if (!client.inTransaction) throw error;
							outcomes.push({ ok: false, error });
						}
					}
				},
				{ behavior: 'immediate' }
			);
		} catch (error) {
			if (!began && isBusy(error) && performance.now() - since < timeout) {
				this.stats.waits++;
				setTimeout(() => this.write(group, since), 1);
				return;
			}
			// BEGIN or COMMIT failed (e.g. another process held the write lock too long): nothing
			// of the group was kept.
			for (const { reject } of group) reject(error);
			return;
		} finally {
			client.pragma(`busy_timeout = ${timeout}`);
		}
		this.stats.groups++;
		this.stats.writes += group.length;
		group.forEach(({ resolve, reject }, i) => {
			const outcome = outcomes[i]!;
			if (outcome.ok) resolve(outcome.value);
			else reject(outcome.error);
		});
	}
}

function isBusy(error: unknown): boolean {
	const code = (error as { code?: unknown } | null)?.code;
	return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

const groups = new WeakMap<Connection, GroupCommit>();

/** The connection's group commit. */
export function groupCommit(db: Connection): GroupCommit {
	let group = groups.get(db);
	if (!group) {
		group = new GroupCommit(db);
		groups.set(db, group);
	}
	return group;
}
