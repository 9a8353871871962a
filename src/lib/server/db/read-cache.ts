/** Figures computed from the database, kept per connection until the database changes. */
import type Database from 'better-sqlite3';
import type { Db } from './client';

/**
 * What the database holds, as seen by one connection: `total_changes()` moves with every row
 * this connection writes (triggers included, and a rolled-back write too), `data_version` with
 * every commit of another connection (a script, an import). Equal versions: nothing changed.
 * Two statements: the pragma as a table-valued function costs half as much again.
 */
const changesSql = 'select total_changes()';
const dataVersionSql = 'pragma data_version';

type Slot<T> = {
	changes: Database.Statement<[], number>;
	dataVersion: Database.Statement<[], number>;
	version: string;
	entries: Map<string, T>;
};

/**
 * A bounded cache (least recently used entries go first) whose entries are dropped as soon as
 * anything is written. Reads inside a transaction bypass it: they may see rows that are never
 * committed. Cached values are frozen, since every caller shares them.
 */
export class ReadCache<T extends object> {
	// Per connection (tests open many); a closed connection's entries go with it.
	private readonly slots = new WeakMap<Database.Database, Slot<T>>();

	constructor(private readonly maxEntries: number) {}

	/**
	 * The cached value for key, or compute() stored under the current data version. Nothing is
	 * stored for undefined (a missing company): unknown keys must not push out known ones.
	 */
	read(db: Db, key: string, compute: () => T): T;
	read(db: Db, key: string, compute: () => T | undefined): T | undefined;
	read(db: Db, key: string, compute: () => T | undefined): T | undefined {
		const client = '$client' in db ? (db.$client as Database.Database) : null;
		if (!client || client.inTransaction) return compute();
		let slot = this.slots.get(client);
		if (!slot) {
			slot = {
				changes: client.prepare<[], number>(changesSql).pluck(),
				dataVersion: client.prepare<[], number>(dataVersionSql).pluck(),
				version: '',
				entries: new Map()
			};
			this.slots.set(client, slot);
		}
		const version = `${slot.changes.get()}:${slot.dataVersion.get()}`;
		if (version !== slot.version) {
			slot.entries.clear();
			slot.version = version;
		}
		const hit = slot.entries.get(key);
		if (hit) {
			// Re-inserted: a Map iterates in insertion order, so the first key is the least recent.
			slot.entries.delete(key);
			slot.entries.set(key, hit);
			return hit;
		}
		const value = compute();
		if (value === undefined) return value;
		slot.entries.set(key, deepFreeze(value));
		if (slot.entries.size > this.maxEntries) {
			slot.entries.delete(slot.entries.keys().next().value!);
		}
		return value;
	}
}

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const inner of Object.values(value)) deepFreeze(inner);
	}
	return value;
}
