/**
 * Issue 21's authorization matrix: every state-changing entry under src/routes (form actions and
 * non-GET endpoints, found on disk) sent as each of seven actors, checking the answer and that a
 * refusal wrote nothing to the rows that belong to this test's people, companies and report.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { setRole } from '../../src/lib/server/auth/roles';
import { createUser } from '../../src/lib/server/auth/users';
import { createCompany } from '../../src/lib/server/companies/companies';
import { grantRepresentative } from '../../src/lib/server/companies/representatives';
import { moderate } from '../../src/lib/server/moderation/moderation';
import { openDatabase } from '../../src/lib/server/db/client';
import { reportToFormValues } from '../../src/lib/server/reports/report-form';
import { createReport, getReport } from '../../src/lib/server/reports/reports';
import { reportInput } from '../../src/lib/server/testing/factories';
import { databasePath, expect, test, uniqueEmail, withDb } from './fixtures';

// repA manages company A's team; respA only answers for A (decision 030).
const actors = [
	'anonymous',
	'author',
	'other',
	'repA',
	'respA',
	'repB',
	'moderator',
	'admin'
] as const;
type Actor = (typeof actors)[number];
const PASSWORD = 'a long enough password';

/** Every state-changing entry on disk, as "route action" ("/reports/[id] metoo", "/x POST"). */
function stateChangingEntries(): string[] {
	const root = 'src/routes';
	const found: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			const route = '/' + relative(root, dir).split(sep).join('/');
			const source = () => readFileSync(path, 'utf8');
			if (entry.name === '+page.server.ts' && /export const actions/.test(source())) {
				const start = source().indexOf('export const actions');
				const block = source().slice(start, source().indexOf('\n};', start));
				for (const [, name] of block.matchAll(/^\t(\w+): /gm)) found.push(`${route} ${name}`);
			}
			if (entry.name === '+server.ts') {
				const methods = /export (?:const|async function|function) (POST|PUT|PATCH|DELETE)\b/g;
				for (const [, method] of source().matchAll(methods)) found.push(`${route} ${method}`);
			}
		}
	};
	walk(root);
	return found.map((e) => e.replace('/ ', ' ').replace(/^\/\//, '/')).sort();
}

type World = Awaited<ReturnType<typeof makeWorld>>;

/** Seven people, two companies with a representative each, and the author's report about A. */
async function makeWorld() {
	const db = openDatabase(databasePath);
	try {
		const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
		const people = {} as Record<Exclude<Actor, 'anonymous'>, { id: string; email: string }>;
		for (const actor of actors.slice(1) as Exclude<Actor, 'anonymous'>[]) {
			const made = await createUser(db, {
				email: uniqueEmail(`matrix-${actor}`),
				password: PASSWORD
			});
			if (!made.ok) throw new Error('user');
			people[actor] = { id: made.user.id, email: made.user.email };
		}
		setRole(db, { email: people.moderator.email, role: 'moderator', actorId: null });
		setRole(db, { email: people.admin.email, role: 'admin', actorId: null });
		const domainA = `matrix-a-${stamp}.example`;
		const made = createReport(
			db,
			reportInput({ company: `Matrix A ${stamp}`, website: `https://${domainA}` }),
			people.author.id
		);
		if (!made.ok) throw new Error('report');
		const b = createCompany(
			db,
			{ name: `Matrix B ${stamp}`, website: `matrix-b-${stamp}.example` },
			null
		);
		if (!b.ok) throw new Error('company');
		const detail = getReport(db, made.id)!;
		const moderator = { id: people.moderator.id, role: 'moderator' };
		for (const [actor, companyId] of [
			['repA', detail.company.id],
			['respA', detail.company.id],
			['repB', b.company.id]
		] as const) {
			grantRepresentative(db, moderator, {
				companyId,
				email: people[actor].email,
				reason: 'matrix'
			});
		}
		db.$client
			.prepare(
				"update company_representative set role = 'responder' where user_id = ? and company_id = ?"
			)
			.run(people.respA.id, detail.company.id);
		// A third member of A's team, for its manager to remove.
		const extra = await createUser(db, { email: uniqueEmail('matrix-extra'), password: PASSWORD });
		if (!extra.ok) throw new Error('user');
		grantRepresentative(db, moderator, {
			companyId: detail.company.id,
			email: extra.user.email,
			reason: 'matrix'
		});
		const extraMemberA = String(
			db.$client
				.prepare('select id from company_representative where user_id = ?')
				.pluck()
				.get(extra.user.id)
		);
		return {
			people,
			extraMemberA,
			reportId: made.id,
			companyA: { id: detail.company.id, slug: detail.company.slug, domain: domainA },
			companyB: { id: b.company.id, slug: b.company.slug },
			reportForm: reportToFormValues(detail)
		};
	} finally {
		db.$client.close();
	}
}

/**
 * The rows that belong to the world, table by table: any column naming one of its users, its
 * report or its companies (or a mail to its people). A new table with such columns is covered.
 */
function snapshot(w: World): Map<string, string> {
	const users = Object.values(w.people).map((p) => p.id);
	const emails = Object.values(w.people).map((p) => p.email);
	const companies = [w.companyA.id, w.companyB.id];
	const userColumns =
		/^(user_id|author_id|reporter_id|actor_id|proposed_by|decided_by|granted_by|revoked_by|created_by)$/;
	return withDb((db) => {
		const c = db.$client;
		const tables = c
			.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
			.pluck()
			.all() as string[];
		const result = new Map<string, string>();
		for (const table of tables) {
			const columns = (c.prepare(`pragma table_info("${table}")`).all() as { name: string }[]).map(
				(col) => col.name
			);
			const where: string[] = [];
			const params: unknown[] = [];
			const among = (sql: string, values: unknown[]) => {
				where.push(`${sql} in (${values.map(() => '?').join(', ')})`);
				params.push(...values);
			};
			for (const column of columns) {
				if (userColumns.test(column)) among(`"${column}"`, users);
				if (column === 'report_id') among(`"${column}"`, [w.reportId]);
				if (column === 'company_id') among(`"${column}"`, companies);
				if (column === 'to') among(`"${column}"`, emails);
			}
			if (columns.includes('target_type') && columns.includes('target_id')) {
				among(`target_type || ':' || target_id`, [
					`report:${w.reportId}`,
					...companies.map((id) => `company:${id}`)
				]);
			}
			if (table === 'user') among('id', users);
			if (table === 'report') among('id', [w.reportId]);
			if (table === 'company') among('id', companies);
			if (!where.length) continue;
			const rows = c.prepare(`select * from "${table}" where ${where.join(' or ')}`).all(...params);
			result.set(
				table,
				rows
					.map((row) => JSON.stringify(row))
					.sort()
					.join('\n')
			);
		}
		return result;
	});
}

function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
	return [...after.keys()].filter((table) => before.get(table) !== after.get(table));
}

/** The newest verification code mailed to an address. */
function codeMailedTo(email: string): string {
	return (
		withDb(
			(db) =>
				(db.$client
					.prepare('select text from mail_outbox where "to" = ? order by id desc limit 1')
					.pluck()
					.get(email) as string | undefined) ?? ''
		).match(/code: (\d{6})/)?.[1] ?? '000000'
	);
}

function representativeId(
	w: World,
	actor: 'repB' | 'other' | 'respA',
	companyId = w.companyB.id
): string {
	return String(
		withDb((db) =>
			db.$client
				.prepare(
					'select id from company_representative where company_id = ? and user_id = ? and revoked_at is null'
				)
				.pluck()
				.get(companyId, w.people[actor].id)
		)
	);
}

/** An expected answer: a status ('login' = a redirect to the log-in page) and whether rows change (null: either). */
type Cell = readonly [status: number | 'login', writes: boolean | null];
const LOGIN: Cell = ['login', false];
const FORBIDDEN: Cell = [403, false];
const REFUSED: Cell = [400, false];
const DONE: Cell = [200, true];
const MOVED: Cell = [303, true];
/** As for a report that does not exist: nothing to see, nothing written. */
const ABSENT: Cell = [404, false];
type Form = Record<string, string> | string;
type Row = {
	path: (w: World) => string;
	form: (w: World, actor: Actor) => Form;
	cells: Record<Actor, Cell>;
};

/** Same answer for everyone signed in, and a log-in redirect for anonymous visitors. */
const signedIn = (cell: Cell, others: Partial<Record<Actor, Cell>> = {}): Record<Actor, Cell> => ({
	anonymous: LOGIN,
	author: cell,
	other: cell,
	repA: cell,
	respA: cell,
	repB: cell,
	moderator: cell,
	admin: cell,
	...others
});
const everyone = (cell: Cell) => signedIn(cell, { anonymous: cell });
const moderators = (mod: Cell, admin: Cell) => signedIn(FORBIDDEN, { moderator: mod, admin });

function reportBody(w: World, title: string): string {
	const body = new URLSearchParams();
	for (const [name, value] of Object.entries({ ...w.reportForm, title })) {
		if (Array.isArray(value)) {
			if (name === 'events') continue;
			for (const item of value) body.append(name, String(item));
		} else body.append(name, String(value ?? ''));
	}
	return body.toString();
}
const decision = (w: World, actor: Actor) => ({
	targetType: 'report',
	targetId: String(w.reportId),
	action: actor === 'admin' ? 'restore' : 'hide',
	reason: 'spam',
	note: 'checked by the matrix'
});

/**
 * The matrix, run top to bottom; in each row refusals run before successes. Rows that hide the
 * report restore it (the moderator hides, the administrator restores); the author deletes it last.
 */
const matrix: Record<string, Row> = {
	'/login default': {
		path: () => '/login',
		form: () => ({ email: '', password: '' }),
		// Someone already signed in is redirected away before the form is read.
		cells: signedIn([303, false], { anonymous: REFUSED })
	},
	'/signup default': {
		path: () => '/signup',
		form: () => ({ email: 'not an address', password: 'short', displayName: '' }),
		cells: signedIn([303, false], { anonymous: REFUSED })
	},
	'/password/forgot default': {
		path: () => '/password/forgot',
		form: () => ({ email: 'not an address' }),
		cells: everyone(REFUSED)
	},
	'/password/reset default': {
		path: () => '/password/reset?token=not-a-token',
		form: () => ({ password: 'a brand new long passphrase' }),
		cells: everyone(REFUSED)
	},
	'/notifications read': {
		path: () => '/notifications?/read',
		form: () => ({}),
		cells: signedIn([200, null])
	},
	'/account password': {
		path: () => '/account?/password',
		form: () => ({ current: PASSWORD, password: 'another long enough passphrase' }),
		cells: signedIn(DONE)
	},
	'/account/reports followup': {
		path: () => '/account/reports?/followup',
		form: (w) => ({ report: String(w.reportId), answer: 'not-sure' }),
		// Only the author answers, and only a question that was asked (none yet: refused as spent).
		cells: signedIn(FORBIDDEN, { author: [410, false] })
	},
	'/followup/[token] default': {
		path: () => '/followup/not-a-token',
		form: () => ({ answer: 'yes' }),
		// The mailed link is the authority: without a real one, nobody answers anything.
		cells: everyone(ABSENT)
	},
	'/reports/new default': {
		path: () => '/reports/new',
		form: (w) => reportBody(w, 'Filed again by the authorization matrix'),
		cells: signedIn(MOVED)
	},
	'/reports/[id]/edit default': {
		path: (w) => `/reports/${w.reportId}/edit`,
		form: (w) => reportBody(w, 'Edited by the authorization matrix'),
		cells: signedIn(FORBIDDEN, { author: MOVED })
	},
	'/reports/[id]/letter default': {
		path: (w) => `/reports/${w.reportId}/letter`,
		form: () => ({ recipient: 'company', name: 'Matrix', deadline: '14', asks: 'final-response' }),
		// The author's own letter, written and stored nowhere; to anyone else it does not exist.
		cells: { ...everyone(ABSENT), author: [200, false] }
	},
	'/reports/[id] metoo': {
		path: (w) => `/reports/${w.reportId}?/metoo`,
		form: () => ({ join: '1' }),
		cells: signedIn(DONE, { author: REFUSED })
	},
	'/reports/[id] respond': {
		path: (w) => `/reports/${w.reportId}?/respond`,
		form: () => ({ body: 'We looked into it and restored the line.', action: 'fixed' }),
		// A responder may answer too: after A's manager, it is told the report has its one answer.
		cells: signedIn(FORBIDDEN, { repA: DONE, respA: [409, null] })
	},
	'/reports/[id] editResponse': {
		path: (w) => `/reports/${w.reportId}?/editResponse`,
		form: () => ({ body: 'We looked into it again and refunded the month.', action: 'fixed' }),
		cells: signedIn(FORBIDDEN, { repA: DONE, respA: DONE })
	},
	'/reports/[id] answer': {
		path: (w) => `/reports/${w.reportId}?/answer`,
		form: () => ({ verdict: 'accepted', comment: '', outcome: 'resolved' }),
		cells: signedIn(FORBIDDEN, { author: DONE })
	},
	'/reports/[id] reply': {
		path: (w) => `/reports/${w.reportId}?/reply`,
		form: () => ({ body: 'Written in the conversation by the authorization matrix.' }),
		// After A's answer: the author replies, then A's representative answers again (in turn).
		// A's responder may write for A too, but asks before the author's turn is taken: 409.
		cells: signedIn(FORBIDDEN, { author: DONE, repA: DONE, respA: [409, false] })
	},
	'/reports/[id] flag': {
		path: (w) => `/reports/${w.reportId}?/flag`,
		form: () => ({ target: 'report', reason: 'spam', note: '' }),
		cells: signedIn(DONE)
	},
	'/reports/[id] moderate': {
		path: (w) => `/reports/${w.reportId}?/moderate`,
		form: decision,
		cells: moderators(DONE, DONE)
	},
	'/moderation decide': {
		path: () => '/moderation?/decide',
		form: decision,
		cells: moderators(DONE, DONE)
	},
	'/moderation/hidden decide': {
		path: () => '/moderation/hidden?/decide',
		form: decision,
		cells: moderators(DONE, DONE)
	},
	'/reports/[id] delete': {
		path: (w) => `/reports/${w.reportId}?/delete`,
		form: () => ({ confirm: 'yes' }),
		cells: signedIn(FORBIDDEN, { author: MOVED })
	},
	'/companies/[slug]/claim send': {
		path: (w) => `/companies/${w.companyA.slug}/claim?/send`,
		form: (w, actor) => ({ email: `${actor}@${w.companyA.domain}` }),
		// A representative already is one: sent to the dashboard, nothing asked for.
		cells: signedIn(MOVED, { repA: [303, false], respA: [303, false] })
	},
	'/companies/[slug]/claim verify': {
		path: (w) => `/companies/${w.companyA.slug}/claim?/verify`,
		// Everyone tries the code mailed to the author: it verifies only the author's claim; a
		// wrong code counts an attempt against the claim of whoever typed it; A's representative
		// is sent to the dashboard.
		form: (w) => ({ code: codeMailedTo(`author@${w.companyA.domain}`) }),
		cells: signedIn([400, true], { author: MOVED, repA: [303, false], respA: [303, false] })
	},
	'/companies/[slug]/representatives grant': {
		path: (w) => `/companies/${w.companyB.slug}/representatives?/grant`,
		form: (w, actor) => ({
			email: w.people[actor === 'admin' ? 'author' : 'other'].email,
			reason: 'matrix'
		}),
		cells: moderators(DONE, DONE)
	},
	'/companies/[slug]/representatives revoke': {
		path: (w) => `/companies/${w.companyB.slug}/representatives?/revoke`,
		form: (w, actor) => ({
			id: representativeId(w, actor === 'admin' ? 'other' : 'repB'),
			reason: 'matrix'
		}),
		cells: moderators(DONE, DONE)
	},
	'/companies/[slug]/team invite': {
		path: (w) => `/companies/${w.companyA.slug}/team?/invite`,
		form: (w, actor) => ({ email: `colleague-${actor}@${w.companyA.domain}`, role: 'responder' }),
		// Only the company's managers run its team; moderators grant on /representatives.
		cells: signedIn(FORBIDDEN, { repA: DONE })
	},
	'/companies/[slug]/team alerts': {
		path: (w) => `/companies/${w.companyA.slug}/team?/alerts`,
		form: () => ({ alerts: 'daily' }),
		// Each member chooses their own (the author joined A's team through the claim row).
		cells: signedIn(FORBIDDEN, { repA: DONE, respA: DONE, author: DONE })
	},
	'/companies/[slug]/team remove': {
		path: (w) => `/companies/${w.companyA.slug}/team?/remove`,
		form: (w) => ({ id: w.extraMemberA }),
		cells: signedIn(FORBIDDEN, { repA: DONE })
	},
	'/companies/[slug]/team role': {
		path: (w) => `/companies/${w.companyA.slug}/team?/role`,
		// After this row respA manages too.
		form: (w) => ({ id: representativeId(w, 'respA', w.companyA.id), role: 'manager' }),
		cells: signedIn(FORBIDDEN, { repA: DONE })
	},
	'/invites/[token] default': {
		// A link that names no invitation: nobody joins through it.
		path: () => '/invites/not-a-real-invitation',
		form: () => ({}),
		cells: signedIn(REFUSED)
	},
	'/unsubscribe/[token] default': {
		path: () => '/unsubscribe/1.99999999999999.' + '0'.repeat(64),
		form: () => ({}),
		// No log-in: the signed link is the proof, and a forged one is refused.
		cells: everyone(REFUSED)
	},
	'/logout default': {
		path: () => '/logout',
		form: () => ({}),
		cells: signedIn(MOVED, { anonymous: [303, false] })
	}
};

/** Hides the world's report (as a moderator would) or restores it. */
function setHidden(w: World, hidden: boolean) {
	const result = withDb((db) =>
		moderate(
			db,
			{ id: w.people.moderator.id, role: 'moderator' },
			{
				targetType: 'report',
				targetId: w.reportId,
				action: hidden ? 'hide' : 'restore',
				reason: 'spam',
				note: 'the matrix hides it'
			}
		)
	);
	expect(result.ok).toBe(true);
}

/**
 * The report's entries while it is hidden: only its author and moderators may see it, so to
 * everyone else each entry answers as for a report that does not exist (404), and nothing is
 * written. Nobody answers, responds or says "me too" to a hidden report (issue 21 item 4: a
 * "me too" was stored and counted behind the 404).
 */
const NOT_FOUND: Cell = [404, false];
const hidden = (entry: string, cells: Record<Actor, Cell>): Row => ({ ...matrix[entry]!, cells });
const whileHidden: Record<string, Row> = {
	'/reports/[id] respond': hidden('/reports/[id] respond', signedIn(NOT_FOUND)),
	'/reports/[id] editResponse': hidden('/reports/[id] editResponse', signedIn(NOT_FOUND)),
	'/reports/[id] answer': hidden('/reports/[id] answer', signedIn(NOT_FOUND)),
	'/reports/[id] metoo': hidden('/reports/[id] metoo', signedIn(NOT_FOUND)),
	'/reports/[id] reply': hidden('/reports/[id] reply', signedIn(NOT_FOUND)),
	// Those who may see it are told it is already hidden.
	'/reports/[id] flag': hidden(
		'/reports/[id] flag',
		signedIn(NOT_FOUND, { author: [409, false], moderator: [409, false], admin: [409, false] })
	),
	'/reports/[id]/letter default': hidden('/reports/[id]/letter default', {
		...everyone(ABSENT),
		author: [200, false]
	}),
	'/reports/[id]/edit default': hidden(
		'/reports/[id]/edit default',
		signedIn(NOT_FOUND, { author: MOVED, moderator: FORBIDDEN, admin: FORBIDDEN })
	)
};

test('every state-changing entry has a row in the matrix', () => {
	expect(Object.keys(matrix).sort()).toEqual(stateChangingEntries());
});

test('every state-changing entry answers each actor as the matrix says, and refusals write nothing', async ({
	baseURL
}) => {
	const w = await makeWorld();
	const contexts = new Map<Actor, APIRequestContext>();
	for (const actor of actors) {
		const context = await playwrightRequest.newContext({
			baseURL,
			maxRedirects: 0,
			// A browser's form post without JavaScript: answered with pages and redirects.
			extraHTTPHeaders: { accept: 'text/html', origin: baseURL! }
		});
		if (actor !== 'anonymous') {
			const login = await context.post('/login', {
				form: { email: w.people[actor].email, password: PASSWORD }
			});
			expect(login.status(), `${actor} logs in`).toBe(303);
		}
		contexts.set(actor, context);
	}

	const seen: string[] = [];
	const wanted: string[] = [];
	/** Sends a row's cells, refusals first, noting what was seen beside what the row expects. */
	async function send(entry: string, row: Row) {
		// Refusals, then successes, then cells that may go either way (they follow what went before).
		const rank = (actor: Actor) => ({ false: 0, true: 1, null: 2 })[String(row.cells[actor][1])]!;
		const order = [...actors].sort((a, b) => rank(a) - rank(b));
		for (const actor of order) {
			const [status, writes] = row.cells[actor];
			const form = row.form(w, actor);
			const before = snapshot(w);
			const response = await contexts.get(actor)!.post(row.path(w), {
				...(typeof form === 'string'
					? {
							data: form,
							headers: { 'content-type': 'application/x-www-form-urlencoded' }
						}
					: { form })
			});
			const changed = changedTables(before, snapshot(w));
			const location = response.headers().location ?? '';
			const answer =
				response.status() === 303 && /\/login\?/.test(location) ? 'login' : response.status();
			const written = (wrote: boolean | null) =>
				wrote === null ? '' : wrote ? ' wrote' : ' nothing written';
			seen.push(
				`${entry} × ${actor}: ${answer}${written(writes === null ? null : changed.length > 0)}`
			);
			wanted.push(`${entry} × ${actor}: ${status}${written(writes)}`);
			if (writes === false && changed.length) seen[seen.length - 1] += ` (${changed.join(', ')})`;
		}
	}
	for (const [entry, row] of Object.entries(matrix)) {
		// Before the author deletes it: the same entries again while a moderator has it hidden.
		if (entry === '/reports/[id] delete') {
			setHidden(w, true);
			for (const [hiddenEntry, hiddenRow] of Object.entries(whileHidden)) {
				await send(`${hiddenEntry} (hidden)`, hiddenRow);
			}
			setHidden(w, false);
		}
		await send(entry, row);
	}
	expect(seen).toEqual(wanted);
	for (const context of contexts.values()) await context.dispose();
});
