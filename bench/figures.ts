/**
 * In-process cost of the figures behind the largest scorecard and pattern page: a roll-up read,
 * a computed and a cached scorecard, a computed and a cached pattern page. Read-only.
 *
 *   npx tsx bench/figures.ts [bench/.data/bench.db]
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../src/lib/server/db/schema';
import { getPattern } from '../src/lib/server/patterns/patterns';
import { companyScope, readRollup } from '../src/lib/server/reports/rollups';
import { getScorecard } from '../src/lib/server/reports/scorecard';

const file = process.argv[2] ?? 'bench/.data/bench.db';
const sqlite = new Database(file, { readonly: true, fileMustExist: true });
const db = drizzle(sqlite, { schema });
const company = sqlite
	.prepare('select id, slug, report_count as n from company order by report_count desc limit 1')
	.get() as { id: number; slug: string; n: number };
const pattern = sqlite
	.prepare('select slug, report_count as n from pattern order by report_count desc limit 1')
	.get() as { slug: string; n: number };

/** Mean milliseconds per call, after a warm-up. */
function measure(label: string, work: () => unknown, runs = 300) {
	for (let i = 0; i < Math.min(30, runs); i++) work();
	const start = performance.now();
	for (let i = 0; i < runs; i++) work();
	const ms = (performance.now() - start) / runs;
	console.log(`${label.padEnd(44)} ${ms.toFixed(3).padStart(8)} ms`);
}

const scope = companyScope(company.id);
console.log(`${company.slug}: ${company.n} reports; ${pattern.slug}: ${pattern.n} reports`);
measure('readRollup, largest company', () => readRollup(db, scope));
// Inside a transaction the cache is bypassed: that is the cost of a computed value.
measure('getScorecard, computed', () => db.transaction(() => getScorecard(db, scope)));
measure('getScorecard, cached', () => getScorecard(db, scope), 20_000);
measure('getPattern, computed', () => db.transaction(() => getPattern(db, pattern.slug)), 50);
measure('getPattern, cached', () => getPattern(db, pattern.slug), 20_000);
sqlite.close();
