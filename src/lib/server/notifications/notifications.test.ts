import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/client';
import { mailOutbox, user } from '../db/schema';
import { grantRepresentative } from '../companies/representatives';
import { outboxTransport } from '../mail/mail';
import { postResponse } from '../responses/responses';
import { createTestDb } from '../testing/db';
import { makeCompany, makeReport, makeUser } from '../testing/factories';
import { listNotifications, notify, rememberUserLocale } from './notifications';
import { renderNotice } from './notices';

let db: Connection;
beforeEach(() => {
	db = createTestDb();
});

describe('notices in the reader’s language', () => {
	it('shows one stored notice in German to a German reader and in English to an English one, labels and links included', async () => {
		const reader = await makeUser(db);
		const company = makeCompany(db, 'Acme Telecom', 'https://acme.example');
		const reportId = makeReport(db, reader.id, { company: company.name, title: 'Line dead' });
		notify(db, {
			userId: reader.id,
			reportId,
			notice: {
				key: 'report-hidden',
				params: { title: 'Line dead', reason: 'defamatory', note: '' }
			}
		});
		const [german] = listNotifications(db, reader.id, 'de').notifications;
		expect(german).toMatchObject({
			text: 'Die Moderation hat Ihren Bericht „Line dead“ aus der öffentlichen Ansicht entfernt. Grund: Falsch oder verleumderisch.',
			href: `/de/reports/${reportId}`
		});
		const [english] = listNotifications(db, reader.id, 'en').notifications;
		expect(english).toMatchObject({
			text: 'Moderators hid your report “Line dead” from public view. Reason: False or defamatory.',
			href: `/reports/${reportId}`
		});
	});

	it('does not break on a damaged or unknown notice', () => {
		expect(renderNotice({ key: 'report-restored', params: 'not json' }, 'en')).toContain('“”');
		expect(renderNotice({ key: 'no-such-key', params: '{"text":"kept"}' }, 'ru')).toBe('kept');
		expect(renderNotice({ key: 'legacy', params: '{"text":"An old sentence."}' }, 'pl')).toBe(
			'An old sentence.'
		);
	});

	it('mails the company’s answer in the language its reader last used, with a link in that language', async () => {
		const author = await makeUser(db);
		const rep = await makeUser(db);
		const moderator = await makeUser(db);
		const acme = makeCompany(db, 'Acme Telecom', 'https://acme.example');
		const reportId = makeReport(db, author.id, { company: 'Acme Telecom', language: 'en' });
		grantRepresentative(
			db,
			{ id: moderator.id, role: 'moderator' },
			{ companyId: acme.id, email: rep.email, reason: 'test' }
		);
		rememberUserLocale(db, author.id, 'de');
		const result = await postResponse(
			db,
			outboxTransport(db),
			{ id: rep.id, role: 'user' },
			reportId,
			{ body: 'We fixed the line and refunded the month.', action: 'fixed' },
			'https://recourse.test'
		);
		expect(result.ok).toBe(true);
		const mail = db.select().from(mailOutbox).where(eq(mailOutbox.to, author.email)).get();
		expect(mail?.subject).toBe('Acme Telecom hat auf Ihren Bericht geantwortet');
		expect(mail?.text).toContain(`https://recourse.test/de/reports/${reportId}#response`);
		expect(listNotifications(db, author.id, 'pl').notifications[0]?.text).toMatch(
			/^Firma Acme Telecom odpowiedziała na Twoje zgłoszenie/
		);
		expect(
			db.select({ locale: user.locale }).from(user).where(eq(user.id, author.id)).get()
		).toEqual({ locale: 'de' });
	});
});

describe('migration 0005: notices written as sentences become keys', () => {
	let dir: string;
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('keeps what it can trace as a key with parameters, and the rest as it was written', () => {
		dir = mkdtempSync(join(tmpdir(), 'recourse-migration-'));
		// The migrations up to 0004: the schema before notices had keys.
		const before = join(dir, 'drizzle');
		cpSync(resolve('drizzle'), before, { recursive: true });
		const journalPath = join(before, 'meta', '_journal.json');
		const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
		journal.entries = journal.entries.filter((e) => e.tag < '0005');
		writeFileSync(journalPath, JSON.stringify(journal));
		const sqlite = new Database(join(dir, 'old.db'));
		const old = drizzle(sqlite);
		migrate(old, { migrationsFolder: before });
		const at = 1_700_000_000_000;
		sqlite.exec(`
			insert into user (id, email, password_hash, display_name, role, created_at)
				values ('u1', 'a@example.test', 'x', 'Reader', 'user', ${at}), ('m1', 'm@example.test', 'x', 'Mod', 'moderator', ${at});
			insert into company (id, slug, name, name_key, created_at) values (1, 'acme', 'Acme Telecom', 'acme', ${at});
			insert into report (id, company_id, author_id, title, product, category, started_on, outcome, narrative, narrative_html, language, created_at, updated_at)
				values (7, 1, 'u1', 'Line dead', 'Landline', 'service-outage', '2024-01-01', 'unresolved', 'n', 'n', 'en', ${at}, ${at});
			insert into audit_log (actor_id, action, target_type, target_id, reason, details, created_at)
				values ('m1', 'report.hide', 'report', '7', 'spam', '{"note":"ad","reportId":7,"title":"Line dead"}', ${at + 5});
			insert into notification (user_id, kind, report_id, message, created_at) values
				('u1', 'response-posted', 7, 'Acme Telecom answered your report “Line dead”. Read the answer, then accept or dispute it: https://x/reports/7#response', ${at + 1}),
				('u1', 'report-hidden', 7, 'Moderators hid “Line dead” from public view. Reason: spam (ad).', ${at + 5}),
				('u1', 'report-hidden', null, 'Moderators removed “Gone”. Reason: spam.', ${at + 9});
		`);
		migrate(old, { migrationsFolder: resolve('drizzle') });
		const rows = sqlite.prepare('select key, params from notification order by id').all() as {
			key: string;
			params: string;
		}[];
		expect(rows.map((r) => ({ key: r.key, params: JSON.parse(r.params) }))).toEqual([
			{ key: 'response-posted', params: { title: 'Line dead', company: 'Acme Telecom' } },
			{ key: 'report-hidden', params: { title: 'Line dead', reason: 'spam', note: 'ad' } },
			{ key: 'legacy', params: { text: 'Moderators removed “Gone”. Reason: spam.' } }
		]);
		expect(renderNotice(rows[1]!, 'es')).toBe(
			'Los moderadores han ocultado al público su informe «Line dead». Motivo: Spam. Nota de los moderadores: ad'
		);
		expect(sqlite.prepare('select note from audit_log').get()).toEqual({ note: 'ad' });
		sqlite.close();
	});
});
