/**
 * The recount check: every stored figure (roll-up rows, pattern and company counts, each report's
 * "me too" count, the "what works" figures) against a recount from the base tables, for tests and the browser suite's teardown.
 */
import type { Connection } from '../db/client';
import { rebuildRollups } from '../reports/rollups';
import { whatWorksDrift } from './what-works-recount';

type Figures = Map<string, number>;

/** Every stored figure by a readable name; zeros are left out ("no row" and "zero" are the same). */
function readFigures(conn: Connection): Figures {
	const figures: Figures = new Map();
	const add = (rows: unknown[]) => {
		for (const [name, n] of rows as [string, number][]) if (n !== 0) figures.set(name, n);
	};
	const read = (query: string) => conn.$client.prepare(query).raw().all();
	add(read(`select 'rollup ' || scope || ' ' || dimension || '=' || key, n from rollup`));
	for (const column of ['report_count', 'company_count', 'me_too_count']) {
		add(read(`select 'pattern ' || slug || ' ${column}', ${column} from pattern`));
	}
	add(read(`select 'company ' || id || ' report_count', report_count from company`));
	return figures;
}

/** Reports whose stored "me too" count is not the number of people who said it. */
function meTooDrift(conn: Connection): string[] {
	const rows = conn.$client
		.prepare(
			`select r.id, r.me_too_count, (select count(*) from report_me_too m where m.report_id = r.id)
			from report r
			where r.source = 'recourse'
				and r.me_too_count <> (select count(*) from report_me_too m where m.report_id = r.id)`
		)
		.raw()
		.all() as [number, number, number][];
	return rows.map(
		([id, stored, counted]) => `report ${id} me_too_count: stored ${stored}, counted ${counted}`
	);
}

/**
 * Each stored figure that differs from a recount, as `name: stored X, recount Y` (empty when
 * every figure is exact). The recount runs inside a savepoint that is rolled back, so the
 * database is left exactly as it was.
 */
export function rollupDrift(conn: Connection): string[] {
	const stored = readFigures(conn);
	const client = conn.$client;
	let recounted: Figures;
	client.exec('savepoint rollup_drift');
	try {
		rebuildRollups(conn);
		recounted = readFigures(conn);
	} finally {
		client.exec('rollback to rollup_drift');
		client.exec('release rollup_drift');
	}
	const names = [...new Set([...stored.keys(), ...recounted.keys()])].sort();
	const drift = names
		.filter((name) => stored.get(name) !== recounted.get(name))
		.map((name) => `${name}: stored ${stored.get(name) ?? 0}, recount ${recounted.get(name) ?? 0}`);
	// The figures pages read ("what works" shares and medians) against a brute-force recount.
	return [...drift, ...meTooDrift(conn), ...whatWorksDrift(conn)];
}
