/**
 * Crash safety: the production server is killed with SIGKILL in the middle of a burst of report
 * submissions. After a restart the database passes `PRAGMA integrity_check` and holds every
 * report whose submission was acknowledged (a 303 to the new report).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createUser } from '../../src/lib/server/auth/users';
import { createSession, generateSessionToken } from '../../src/lib/server/auth/session';
import { integrityCheck } from '../../src/lib/server/db/backup';
import { openDatabase } from '../../src/lib/server/db/client';
import { expect, reportFormFields, test } from './fixtures';

const databasePath = `tests/e2e/.data/crash-${process.pid}.db`;
let port = 0;
let origin = '';

/** The server process, and a promise of its exit made at once (it may exit before anyone waits). */
function startServer(): { process: ChildProcess; exited: Promise<unknown> } {
	const child = spawn('node', ['build'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATABASE_PATH: databasePath,
			SECURE_COOKIES: '0',
			// One user files many reports here: the per-user limit would refuse most of them.
			RATE_LIMITS: 'off'
		},
		stdio: 'ignore'
	});
	return { process: child, exited: new Promise((r) => child.once('exit', r)) };
}

/** Waits until the server answers (a state, not a time): the test's own budget bounds the wait. */
async function waitUntilUp(server: { exited: Promise<unknown> }) {
	let exited = false;
	void server.exited.then(() => (exited = true));
	while (!exited) {
		try {
			if ((await fetch(`${origin}/status`)).ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error('the server exited before it answered');
}

test('every acknowledged report survives a kill -9 in the middle of a burst', async () => {
	test.setTimeout(90_000);
	// A port of its own per parallel worker, next to the suite's server.
	port = Number(process.env.E2E_PORT ?? 4173) + 50 + test.info().parallelIndex;
	origin = `http://127.0.0.1:${port}`;
	rmSync(databasePath, { force: true });
	let server = startServer();
	await waitUntilUp(server);

	const db = openDatabase(databasePath);
	const user = await createUser(db, {
		email: 'crash@example.test',
		password: 'crash test password'
	});
	if (!user.ok) throw new Error('user');
	const token = generateSessionToken();
	createSession(db, token, user.user.id);
	db.$client.close();

	const form = (i: number) =>
		new URLSearchParams(
			reportFormFields({
				company: `Crash Test Telecom`,
				website: 'crash-test.example',
				title: `Burst report ${i}`
			})
		).toString();
	const acknowledged: number[] = [];
	let next = 0;
	const submitLoop = async () => {
		for (;;) {
			const i = next++;
			try {
				const response = await fetch(`${origin}/reports/new`, {
					method: 'POST',
					redirect: 'manual',
					headers: {
						cookie: `session=${token}`,
						origin,
						accept: 'text/html',
						'content-type': 'application/x-www-form-urlencoded'
					},
					body: form(i)
				});
				const id = response.headers.get('location')?.match(/^\/reports\/(\d+)/)?.[1];
				if (response.status === 303 && id) acknowledged.push(Number(id));
			} catch {
				return; // The server is gone.
			}
		}
	};
	const clients = Array.from({ length: 16 }, submitLoop);
	// Kill once a good number of reports are in, while the clients keep writing.
	// Waits for a state (150 acknowledged), bounded by the test's budget, not by a clock of its own.
	while (acknowledged.length < 150) await new Promise((r) => setTimeout(r, 10));
	server.process.kill('SIGKILL');
	await Promise.all(clients);
	await server.exited;

	expect(integrityCheck(databasePath)).toBe('ok');
	server = startServer();
	try {
		await waitUntilUp(server);
		const after = openDatabase(databasePath);
		try {
			const stored = new Set(
				(after.$client.prepare('select id from report').all() as { id: number }[]).map((r) => r.id)
			);
			const missing = acknowledged.filter((id) => !stored.has(id));
			expect(missing).toEqual([]);
			// Figures agree with the rows: the company's count is its number of reports.
			const { n, count } = after.$client
				.prepare(
					`select report_count n, (select count(*) from report where company_id = company.id) count
					 from company where name = 'Crash Test Telecom'`
				)
				.get() as { n: number; count: number };
			expect(n).toBe(count);
		} finally {
			after.$client.close();
		}
		const sample = acknowledged[acknowledged.length - 1]!;
		expect((await fetch(`${origin}/reports/${sample}`)).status).toBe(200);
	} finally {
		server.process.kill('SIGTERM');
		await server.exited;
		rmSync(databasePath, { force: true });
		rmSync(`${databasePath}-wal`, { force: true });
		rmSync(`${databasePath}-shm`, { force: true });
	}
});
