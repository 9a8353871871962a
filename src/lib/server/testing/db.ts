/** Fresh, migrated SQLite databases for tests: a real file per call, never a mock. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Connection } from '../db/client';

const created: { dir: string; conn: Connection }[] = [];

/** Closes and deletes every database this test file made (called after each file by setup.ts). */
export function removeTestDbs(): void {
	for (const { dir, conn } of created.splice(0)) {
		if (conn.$client.open) conn.$client.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

/** A new database file in its own temporary folder, removed after the test file. */
export function createTestDb(): Connection {
	const dir = mkdtempSync(join(tmpdir(), 'recourse-test-'));
	const conn = openDatabase(join(dir, 'test.db'));
	created.push({ dir, conn });
	return conn;
}
