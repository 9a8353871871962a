import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { setRole } from '../../src/lib/server/auth/roles';
import { createUser } from '../../src/lib/server/auth/users';
import {
	createSession,
	generateSessionToken,
	SESSION_COOKIE
} from '../../src/lib/server/auth/session';
import { grantRepresentative } from '../../src/lib/server/companies/representatives';
import { report } from '../../src/lib/server/db/schema';
import { createReport } from '../../src/lib/server/reports/reports';
import { reportInput } from '../../src/lib/server/testing/factories';
import { openDatabase } from '../../src/lib/server/db/client';
import { databasePath, expect, test, uniqueEmail } from './fixtures';

type Role =
	'anonymous' | 'author' | 'other user' | 'representative' | 'moderator' | 'administrator';

/** A user with a session, and the report about a company of its own that the test acts on. */
async function world() {
	const db = openDatabase(databasePath);
	try {
		const people: Record<string, { id: string; token: string }> = {};
		for (const name of ['author', 'other user', 'representative', 'moderator', 'administrator']) {
			const made = await createUser(db, {
				email: uniqueEmail('authz'),
				password: 'a long enough password'
			});
			if (!made.ok) throw new Error('user');
			const token = generateSessionToken();
			createSession(db, token, made.user.id);
			people[name] = { id: made.user.id, token };
		}
		const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
		const made = createReport(
			db,
			reportInput({
				company: `Guarded Rail ${stamp}`,
				website: `https://guarded-${stamp}.example`
			}),
			people.author!.id
		);
		if (!made.ok) throw new Error('report');
		const byId = (id: string) =>
			(db.$client.prepare('select email from user where id = ?').get(id) as { email: string })
				.email;
		setRole(db, { email: byId(people.moderator!.id), role: 'moderator', actorId: null });
		setRole(db, { email: byId(people.administrator!.id), role: 'admin', actorId: null });
		const companyId = db
			.select({ c: report.companyId })
			.from(report)
			.where(eq(report.id, made.id))
			.get()!.c;
		grantRepresentative(
			db,
			{ id: people.moderator!.id, role: 'moderator' },
			{ companyId, email: byId(people.representative!.id), reason: 'test' }
		);
		return { people, reportId: made.id };
	} finally {
		db.$client.close();
	}
}

/** The report's title as its page escapes it. */
function withDbTitle(reportId: number) {
	const db = openDatabase(databasePath);
	try {
		const title = db.select({ t: report.title }).from(report).where(eq(report.id, reportId)).get()!
			.t;
		return title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
	} finally {
		db.$client.close();
	}
}

const roles: Role[] = [
	'anonymous',
	'author',
	'other user',
	'representative',
	'moderator',
	'administrator'
];

test('every new moderation entry refuses those who may not use it, and serves those who may', async ({
	baseURL
}) => {
	const { people, reportId } = await world();
	const contexts = new Map<Role, APIRequestContext>();
	for (const role of roles) {
		const person = people[role];
		contexts.set(
			role,
			await playwrightRequest.newContext({
				baseURL,
				maxRedirects: 0,
				extraHTTPHeaders: {
					// A browser's form post without JavaScript: answered with pages and redirects, not JSON.
					accept: 'text/html',
					origin: baseURL!,
					...(person ? { cookie: `${SESSION_COOKIE}=${person.token}` } : {})
				}
			})
		);
	}
	const as = (role: Role) => contexts.get(role)!;
	const decide = (role: Role, path: string, action: string, note = 'checked') =>
		as(role).post(path, {
			form: { targetType: 'report', targetId: String(reportId), action, reason: 'spam', note }
		});
	const publicStatus = async () => (await as('anonymous').get(`/reports/${reportId}`)).status();

	// Pages: only moderators and administrators see the lists; only administrators export.
	const expected: Record<Role, { hidden: number; audit: number; csv: number }> = {
		anonymous: { hidden: 303, audit: 303, csv: 303 },
		author: { hidden: 403, audit: 403, csv: 403 },
		'other user': { hidden: 403, audit: 403, csv: 403 },
		representative: { hidden: 403, audit: 403, csv: 403 },
		moderator: { hidden: 200, audit: 200, csv: 403 },
		administrator: { hidden: 200, audit: 200, csv: 200 }
	};
	for (const role of roles) {
		const seen = {
			hidden: (await as(role).get('/moderation/hidden')).status(),
			audit: (await as(role).get('/admin/audit')).status(),
			csv: (await as(role).get('/admin/audit/export.csv')).status()
		};
		expect(seen, role).toEqual(expected[role]);
	}
	// "My reports" shows a signed-in user their own reports, and nobody else's.
	expect((await as('anonymous').get('/account/reports')).status()).toBe(303);
	const title = withDbTitle(reportId);
	for (const role of roles.slice(1)) {
		const mine = await as(role).get('/account/reports');
		expect(mine.status(), role).toBe(200);
		expect((await mine.text()).includes(title), role).toBe(role === 'author');
	}
	const csv = await as('administrator').get('/admin/audit/export.csv');
	expect(csv.headers()['content-type']).toContain('text/csv');

	// Decisions: nobody but a moderator changes anything, from any of the three forms.
	for (const role of roles.slice(0, 4)) {
		for (const [path, action] of [
			['/moderation?/decide', 'hide'],
			['/moderation/hidden?/decide', 'hide'],
			[`/reports/${reportId}?/moderate`, 'hide']
		] as const) {
			const response = await decide(role, path, action);
			expect([303, 403], `${role} ${path}`).toContain(response.status());
			if (role === 'anonymous') expect(response.headers().location).toContain('/login');
		}
	}
	expect(await publicStatus()).toBe(200);

	// A moderator's decision without a note is refused with the reason beside the field.
	const noNote = await decide('moderator', `/reports/${reportId}?/moderate`, 'hide', ' ');
	expect(noNote.status()).toBe(400);
	expect(await noNote.text()).toContain('Write a note: say why, in a sentence.');
	expect(await publicStatus()).toBe(200);

	// The moderator proposes removal: hidden at once, but only a second moderator may confirm.
	expect((await decide('moderator', `/reports/${reportId}?/moderate`, 'remove')).status()).toBe(
		200
	);
	expect(await publicStatus()).toBe(404);
	const same = await decide('moderator', '/moderation/hidden?/decide', 'confirm-removal');
	expect(same.status()).toBe(409);
	expect(await same.text()).toContain(
		'You proposed this removal: a second moderator must review it.'
	);

	// Flagging the hidden report: those who can see it are told, others find nothing.
	const flag = (role: Role) =>
		as(role).post(`/reports/${reportId}?/flag`, {
			form: { target: 'report', reason: 'spam', note: '' }
		});
	expect((await flag('anonymous')).status()).toBe(303);
	expect((await flag('other user')).status()).toBe(404);
	expect((await flag('representative')).status()).toBe(404);
	const moderatorFlag = await flag('administrator');
	expect(moderatorFlag.status()).toBe(409);
	expect(await moderatorFlag.text()).toContain('This is already hidden from public view');

	// The administrator turns the removal down, then restores: public again.
	expect(
		(await decide('administrator', '/moderation/hidden?/decide', 'reject-removal')).status()
	).toBe(200);
	expect(await publicStatus()).toBe(404);
	expect((await decide('administrator', '/moderation?/decide', 'restore')).status()).toBe(200);
	expect(await publicStatus()).toBe(200);

	for (const context of contexts.values()) await context.dispose();
});
