import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from './backup';
import { openDatabase } from './client';
import { readDataVersion } from './data-version';
import { createSession, generateSessionToken } from '../auth/session';
import { flagContent, moderate } from '../moderation/moderation';
import { notify } from '../notifications/notifications';
import { setMeToo } from '../reports/me-too';
import { setReportOutcome } from '../reports/reports';
import { createTestDb } from '../testing/db';
import { makeCompany, makeReport, makeUser } from '../testing/factories';

describe('data version', () => {
	it('is the same for every connection on the file, and moves for all of them on a write', async () => {
		const one = createTestDb();
		const two = openDatabase(one.$client.name, { migrate: false });
		try {
			expect(readDataVersion(two)).toBe(readDataVersion(one));
			const before = readDataVersion(two);
			const author = await makeUser(one);
			makeReport(one, author.id, { website: 'acme.example' });
			expect(readDataVersion(two)).not.toBe(before);
			expect(readDataVersion(two)).toBe(readDataVersion(one));
		} finally {
			two.$client.close();
		}
	});

	it('moves with every write a public page shows, whichever path makes it', async () => {
		const db = createTestDb();
		const author = await makeUser(db);
		const other = await makeUser(db);
		const moderator = { id: other.id, role: 'moderator' };
		const writes: [string, () => unknown][] = [
			['a company', () => makeCompany(db, 'Versioned Utilities')],
			['a report', () => makeReport(db, author.id, { company: 'Versioned Utilities' })],
			['an outcome', () => setReportOutcome(db, 1, 'unresolved')],
			['a me too', () => setMeToo(db, 1, other.id, true)],
			['a me too taken back', () => setMeToo(db, 1, other.id, false)],
			[
				'a flag',
				() =>
					flagContent(db, other, {
						targetType: 'report',
						targetId: 1,
						reason: 'spam',
						note: ''
					})
			],
			[
				'a report hidden',
				() =>
					moderate(db, moderator, {
						targetType: 'report',
						targetId: 1,
						action: 'hide',
						reason: 'spam',
						note: 'test'
					})
			]
		];
		for (const [what, write] of writes) {
			const before = readDataVersion(db);
			const result = write();
			if (result && typeof result === 'object' && 'ok' in result)
				expect(result.ok, what).toBe(true);
			expect(readDataVersion(db), what).not.toBe(before);
		}
	});

	it('stays put for writes no public page shows: sign-ins and notices', async () => {
		const db = createTestDb();
		const user = await makeUser(db);
		const before = readDataVersion(db);
		createSession(db, generateSessionToken(), user.id);
		notify(db, {
			userId: user.id,
			reportId: null,
			notice: { key: 'report-restored', params: { title: 'Hello', note: '' } }
		});
		expect(readDataVersion(db)).toBe(before);
	});

	it('never repeats after a restore: the epoch is new', async () => {
		const db = createTestDb();
		const dir = mkdtempSync(join(tmpdir(), 'recourse-version-'));
		await backupDatabase(db.$client, join(dir, 'backup.db'));
		const atBackup = readDataVersion(db);
		await restoreDatabase(join(dir, 'backup.db'), join(dir, 'restored.db'));
		const restored = openDatabase(join(dir, 'restored.db'));
		try {
			expect(readDataVersion(restored)).not.toBe(atBackup);
			// Same counts, new epoch.
			expect(readDataVersion(restored).split('-').slice(1)).toEqual(atBackup.split('-').slice(1));
		} finally {
			restored.$client.close();
		}
	});
});
