/** Fresh, migrated SQLite databases for tests: a real file per call, never a mock. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Connection } from '../db/client';

export function createTestDb(): Connection {
	const dir = mkdtempSync(join(tmpdir(), 'recourse-test-'));
	return openDatabase(join(dir, 'test.db'));
}
