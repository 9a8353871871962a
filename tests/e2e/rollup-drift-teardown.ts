/**
 * Playwright global teardown: after the whole browser suite, every figure on a copy of its
 * database is recounted from the base tables, and any drift fails the run (issue 21). The copy is
 * taken with SQLite's backup API while the server still runs, so the live database is not disturbed.
 */
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/lib/server/db/client';
import { rollupDrift } from '../../src/lib/server/testing/rollup-drift';
import { databasePath } from './fixtures';

export default async function recountAfterSuite(): Promise<void> {
	if (!existsSync(databasePath)) return;
	const dir = mkdtempSync(join(tmpdir(), 'recourse-e2e-recount-'));
	const copyPath = join(dir, 'e2e-copy.db');
	try {
		const live = new Database(databasePath, { readonly: true, fileMustExist: true });
		try {
			await live.backup(copyPath);
		} finally {
			live.close();
		}
		const copy = openDatabase(copyPath);
		let drift: string[];
		try {
			drift = rollupDrift(copy);
		} finally {
			copy.$client.close();
		}
		if (drift.length) {
			throw new Error(`A recount after the browser suite found drift:\n${drift.join('\n')}`);
		}
		console.log('Recount after the browser suite: every figure exact.');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
