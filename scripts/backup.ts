/**
 * Online backup of the database named by DATABASE_PATH, safe while the server runs.
 * Usage: npm run db:backup -- [backups/recourse-YYYYMMDD-HHMMSS.db]
 */
import { backupDatabase } from '../src/lib/server/db/backup';
import { openDatabase } from '../src/lib/server/db/client';

const file = process.env.DATABASE_PATH || 'data/recourse.db';
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
const destination = process.argv.slice(2).find((a) => a !== '--') ?? `backups/recourse-${stamp}.db`;
const db = openDatabase(file, { migrate: false });
try {
	const { pages } = await backupDatabase(db.$client, destination);
	console.log(`Backed up ${file} to ${destination} (${pages} pages, integrity ok).`);
} finally {
	db.$client.close();
}
