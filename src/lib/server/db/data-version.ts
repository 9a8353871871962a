/** The version of the public data, the same in every process on the database file: what HTTP validators are made from. */
import type Database from 'better-sqlite3';
import type { Connection } from './client';

/**
 * `report_change`'s last seq (AUTOINCREMENT: never reused, kept when the log is pruned) moves
 * with every report inserted, changed or deleted, and the `data_version` row (drizzle/0005) with
 * every other write to what public pages show. Both are in the file, so every process reads
 * the same. The epoch is random per database and renewed by a restore: a version seen before a
 * restore is never mistaken for one after it. See docs/decisions/015-http-caching.md.
 */
const versionSql = `select
	coalesce((select seq from sqlite_sequence where name = 'report_change'), 0),
	coalesce((select version from data_version where id = 1), 0),
	coalesce((select epoch from data_version where id = 1), 0)`;

const statements = new WeakMap<Database.Database, Database.Statement<[], unknown[]>>();

/**
 * The current data version as a short opaque string, e.g. `1a2b-7-3f0c…`. Equal strings: the
 * public data is the same.
 */
export function readDataVersion(db: Connection): string {
	const client = db.$client;
	let statement = statements.get(client);
	if (!statement) {
		statement = client.prepare<[], unknown[]>(versionSql).raw();
		statements.set(client, statement);
	}
	const [seq, version, epoch] = statement.get() as [number, number, number];
	return `${epoch.toString(36)}-${seq.toString(36)}-${version.toString(36)}`;
}

/** Gives the database a new epoch: after a restore, versions seen before must not match. */
export function renewDataEpoch(client: Database.Database): void {
	const table = client
		.prepare("select 1 from sqlite_master where type = 'table' and name = 'data_version'")
		.get();
	if (!table) return;
	client.prepare('update data_version set epoch = abs(random() % 9007199254740991)').run();
}

/**
 * Runs a read and returns it with the data version it was read at. The version is read before
 * and after: equal, nothing public changed in between (every public write moves it). When
 * another process committed meanwhile, the read runs again, the last time inside a read
 * transaction (one snapshot for both; it bypasses the per-connection caches, so only then).
 */
export function readAtDataVersion<T>(db: Connection, read: () => T): { version: string; value: T } {
	for (let attempt = 0; attempt < 2; attempt++) {
		const before = readDataVersion(db);
		const value = read();
		if (readDataVersion(db) === before) return { version: before, value };
	}
	return db.$client.transaction(() => {
		const version = readDataVersion(db);
		return { version, value: read() };
	})();
}
