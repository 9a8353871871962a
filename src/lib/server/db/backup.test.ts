import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { backupDatabase, integrityCheck, restoreDatabase } from './backup';
import { createTestDb } from '../testing/db';
import { makeReport, makeUser } from '../testing/factories';
import { getReport } from '../reports/reports';

describe('backup and restore', () => {
	it('backs up while writing, and a restore finds every report', async () => {
		const live = createTestDb();
		const author = await makeUser(live);
		const ids = Array.from({ length: 50 }, (_, i) =>
			makeReport(live, author.id, { title: `Report ${i}`, website: 'acme.example' })
		);
		const dir = mkdtempSync(join(tmpdir(), 'recourse-backup-'));
		const backupFile = join(dir, 'backup.db');
		// A write lands while the backup runs: the copy is a consistent snapshot either way.
		const running = backupDatabase(live.$client, backupFile);
		const late = makeReport(live, author.id, { title: 'Written during the backup' });
		await running;
		expect(integrityCheck(backupFile)).toBe('ok');

		const restored = join(dir, 'restored.db');
		await restoreDatabase(backupFile, restored);
		const db = openDatabase(restored);
		try {
			for (const [i, id] of ids.entries()) {
				expect(getReport(db, id)?.report.title).toBe(`Report ${i}`);
			}
			const lateRow = getReport(db, late);
			if (lateRow) expect(lateRow.report.title).toBe('Written during the backup');
			// The search index came along.
			const hits = db.$client
				.prepare(`select count(*) n from report_fts where report_fts match 'report'`)
				.get() as { n: number };
			expect(hits.n).toBeGreaterThanOrEqual(50);
		} finally {
			db.$client.close();
		}
	});

	it('refuses to restore a damaged or missing backup', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'recourse-backup-'));
		await expect(restoreDatabase(join(dir, 'none.db'), join(dir, 'x.db'))).rejects.toThrow(
			'No backup'
		);
	});
});
