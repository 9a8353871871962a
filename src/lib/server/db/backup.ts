/**
 * Online backup and restore through SQLite's backup API: a backup is taken while the server
 * runs and writes (it copies a consistent snapshot, page by page), and is checked before use.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { renewDataEpoch } from './data-version';

/** `PRAGMA integrity_check` of a database file: 'ok' or the problems found. */
export function integrityCheck(file: string): string {
	const db = new Database(file, { readonly: true, fileMustExist: true });
	try {
		const rows = db.pragma('integrity_check') as { integrity_check: string }[];
		return rows.map((r) => r.integrity_check).join('; ');
	} finally {
		db.close();
	}
}

/** Copies a live database to `destination` and checks the copy. */
export async function backupDatabase(
	source: Database.Database,
	destination: string
): Promise<{ pages: number }> {
	mkdirSync(dirname(resolve(destination)), { recursive: true });
	const result = await source.backup(destination);
	const check = integrityCheck(destination);
	if (check !== 'ok') throw new Error(`The backup failed its integrity check: ${check}`);
	return { pages: result.totalPages };
}

/**
 * Replaces `target` with a checked backup. Run it with the server stopped: the copy goes through
 * SQLite (so the target's write-ahead log is dealt with), but a running server would keep
 * serving what it had cached.
 */
export async function restoreDatabase(backup: string, target: string): Promise<{ pages: number }> {
	if (!existsSync(backup)) throw new Error(`No backup at ${backup}`);
	const check = integrityCheck(backup);
	if (check !== 'ok') throw new Error(`The backup is damaged: ${check}`);
	mkdirSync(dirname(resolve(target)), { recursive: true });
	const source = new Database(backup, { readonly: true });
	let pages: number;
	try {
		pages = (await source.backup(target)).totalPages;
	} finally {
		source.close();
	}
	// Caches may hold pages validated by the versions the backup went on to reach.
	const restored = new Database(target);
	try {
		renewDataEpoch(restored);
	} finally {
		restored.close();
	}
	return { pages };
}
