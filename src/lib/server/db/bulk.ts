/** Helpers for bulk loads (demo data, imports): temporary pragmas, and row triggers replayed once per load. */
import type { Connection } from './client';
import { rebuildRollups } from '../reports/rollups';

/** Sets connection pragmas and returns a function that puts the previous values back. */
export function tunePragmas(
	sqlite: Connection['$client'],
	values: Record<string, string | number>
): () => void {
	const previous = Object.keys(values).map(
		(name) => [name, sqlite.pragma(name, { simple: true })] as const
	);
	for (const [name, value] of Object.entries(values)) sqlite.pragma(`${name} = ${value}`);
	return () => {
		for (const [name, value] of previous) sqlite.pragma(`${name} = ${String(value)}`);
	};
}

/** Matches a row trigger whose whole body is one `INSERT INTO … VALUES (…new.…)`. */
const singleInsertTrigger =
	/^CREATE\s+TRIGGER\s+\S+\s+AFTER\s+INSERT\s+ON\s+\S+\s+(?:FOR\s+EACH\s+ROW\s+)?BEGIN\s+(INSERT\s+INTO\s+[^;]*?)\s+VALUES\s*\(([^;]*)\)\s*;\s*END\s*$/i;

/**
 * Row triggers that copy each new row elsewhere (the full-text index of reports) cost three
 * times more, row by row, than their statement run once over all new rows. For a load, such a
 * trigger is dropped; `replay` then runs its own statement once, as INSERT … SELECT over the
 * rows from `firstId` on, and recreates the trigger from the SQL the migration stored. Triggers
 * of any other shape stay in place and fire as usual. Call both inside one transaction.
 */
export function deferInsertTriggers(sqlite: Connection['$client'], table: string) {
	const deferred = (
		sqlite
			.prepare(`select name, sql from sqlite_master where type = 'trigger' and tbl_name = ?`)
			.all(table) as { name: string; sql: string }[]
	).flatMap(({ name, sql }) => {
		const match = singleInsertTrigger.exec(sql);
		if (!match) return [];
		const replay = `${match[1]} select ${match[2]} from main."${table}" as new
			where new.rowid >= ? order by new.rowid`;
		return [{ name, sql, replay }];
	});
	for (const t of deferred) sqlite.exec(`drop trigger "${t.name}"`);
	return {
		replay(firstId: number) {
			for (const t of deferred) {
				sqlite.prepare(t.replay).run(firstId);
				sqlite.exec(t.sql);
			}
		}
	};
}

/**
 * What every bulk load ends with: roll-ups rebuilt once, the report change log emptied
 * (millions of logged changes help nobody: a running server's facet index sees the gap and
 * loads afresh, src/lib/server/reports/facets.ts), and approximate planner statistics, which
 * are plenty after a bulk load and take seconds, not minutes.
 */
export function finishBulkLoad(
	conn: Connection,
	onStage?: (stage: 'roll-ups' | 'statistics') => void
): void {
	const sqlite = conn.$client;
	onStage?.('roll-ups');
	rebuildRollups(conn);
	sqlite.exec('delete from report_change');
	onStage?.('statistics');
	const restoreLimit = tunePragmas(sqlite, { analysis_limit: 1000 });
	sqlite.exec('analyze');
	restoreLimit();
}
