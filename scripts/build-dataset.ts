/**
 * Builds a new version of the downloadable public dataset (CSV.gz per table, a SQLite file,
 * manifest.json) and prints what it wrote, how long it took and the peak memory.
 * Usage: npm run dataset:build [-- --database PATH --out DIR --origin URL]
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/lib/server/db/client';
import { buildDataset } from '../src/lib/server/dataset/build';

const { values } = parseArgs({
	options: {
		database: { type: 'string', default: process.env.DATABASE_PATH || 'data/recourse.db' },
		out: { type: 'string', default: process.env.DATASET_PATH || 'data/dataset' },
		origin: { type: 'string', default: process.env.ORIGIN || 'http://localhost:3000' }
	}
});

const db = openDatabase(values.database, { migrate: false });
const started = performance.now();
try {
	const manifest = await buildDataset(db, values.out, new Date(), { origin: values.origin });
	const seconds = (performance.now() - started) / 1000;
	console.log(
		`Dataset ${manifest.version} (data version ${manifest.dataVersion}) in ${values.out}:`
	);
	for (const file of manifest.files) {
		console.log(`  ${file.name}: ${file.rows} rows, ${file.bytes} bytes, sha256 ${file.sha256}`);
	}
	// maxRSS is in kilobytes.
	const peak = process.resourceUsage().maxRSS / 1024;
	console.log(`Built in ${seconds.toFixed(1)} s; peak memory ${peak.toFixed(0)} MiB.`);
} finally {
	db.$client.close();
}
