/**
 * Restores a backup into the database named by DATABASE_PATH. Stop the server first.
 * Usage: npm run db:restore -- <backup file>
 */
import { restoreDatabase } from '../src/lib/server/db/backup';

const backup = process.argv.slice(2).find((a) => a !== '--');
if (!backup) {
	console.error('Usage: npm run db:restore -- <backup file>   (stop the server first)');
	process.exit(2);
}
const target = process.env.DATABASE_PATH || 'data/recourse.db';
const { pages } = await restoreDatabase(backup, target);
console.log(`Restored ${backup} into ${target} (${pages} pages). Start the server again.`);
