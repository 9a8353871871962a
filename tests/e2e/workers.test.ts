/**
 * Several workers (decision 026): `npm start` with WORKERS=2 serves from two processes on one
 * database file. Reports filed through both are counted by both, and a killed worker is replaced.
 */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { rmSync } from 'node:fs';
import { openDatabase } from '../../src/lib/server/db/client';
import { localServerEnv, signedInUser } from '../../src/lib/server/testing/local-server';
import { expect, reportFormFields, test } from './fixtures';

const databasePath = `tests/e2e/.data/workers-${process.pid}.db`;

type Answer = { status: number; pid: number; body: string; location: string | undefined };

/** One request on a connection of its own, so that the primary hands it to any worker. */
function ask(
	url: string,
	options: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const req = request(
			url,
			{ method: options.method ?? 'GET', headers: options.headers, agent: false },
			(res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => (body += chunk));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						pid: Number(res.headers['x-worker-pid']),
						body,
						location: res.headers.location
					})
				);
			}
		);
		req.on('error', reject);
		// A connection handed to a worker as it was killed may never be answered: ask again.
		req.setTimeout(10_000, () => req.destroy(new Error('no answer')));
		req.end(options.body);
	});
}

/** Asks until `done` holds for an answer (a state, not a time); the test's budget bounds it. */
async function askUntil(url: string, done: (answer: Answer) => boolean): Promise<Answer> {
	for (;;) {
		const answer = await ask(url).catch(() => null); // not listening yet, or a worker going down
		if (answer && done(answer)) return answer;
		await new Promise((r) => setTimeout(r, 50));
	}
}

test('two workers count every report filed through either, and a killed worker is replaced', async () => {
	test.setTimeout(120_000);
	const port = Number(process.env.E2E_PORT ?? 4173) + 40 + test.info().parallelIndex;
	const origin = `http://127.0.0.1:${port}`;
	rmSync(databasePath, { force: true });
	const primary = spawn('node_modules/.bin/tsx', ['scripts/serve.ts'], {
		env: localServerEnv(port, databasePath, { WORKERS: '2', WORKER_HEADER: '1' }),
		stdio: 'ignore'
	});
	const exited = new Promise((r) => primary.once('exit', r));
	try {
		// Both workers up: answers come from two processes.
		const pids = new Set<number>();
		await askUntil(`${origin}/status`, (a) => a.status === 200 && pids.add(a.pid).size === 2);

		// The primary migrated the file before forking; a session for the author.
		const db = openDatabase(databasePath, { migrate: false });
		const token = await signedInUser(db, 'workers@example.test', 'workers test password');

		const filed = await Promise.all(
			Array.from({ length: 24 }, (_, i) =>
				ask(`${origin}/reports/new`, {
					method: 'POST',
					headers: {
						cookie: `session=${token}`,
						origin,
						accept: 'text/html',
						'content-type': 'application/x-www-form-urlencoded'
					},
					body: new URLSearchParams(
						reportFormFields({
							company: 'Workers Test Telecom',
							website: 'workers-test.example',
							title: `Worker report ${i}`
						})
					).toString()
				})
			)
		);
		expect(filed.map((a) => a.status)).toEqual(filed.map(() => 303));
		expect(new Set(filed.map((a) => a.pid)).size).toBe(2);
		const slug = (
			db.$client.prepare("select slug from company where name = 'Workers Test Telecom'").get() as {
				slug: string;
			}
		).slug;
		db.$client.close();

		// Every worker's explore (its own facet index; the date filter keeps it off the roll-ups)
		// and API list count all 24, whichever worker filed them.
		for (const path of [
			`/explore?company=${slug}&from=2000-01-01`,
			`/api/v1/reports?company=${slug}&limit=100`
		]) {
			const counted = new Set<number>();
			await askUntil(`${origin}${path}`, (a) => {
				const n = path.startsWith('/api')
					? (JSON.parse(a.body) as { data: unknown[] }).data.length
					: Number(a.body.match(/(\d+) matching reports/)?.[1]);
				expect(n).toBe(24);
				return counted.add(a.pid).size === 2;
			});
		}

		// A worker killed outright: the site still answers, and a new worker takes its place.
		const [victim] = [...pids];
		process.kill(victim!, 'SIGKILL');
		await askUntil(`${origin}/status`, (a) => a.status === 200 && !pids.has(a.pid));
		expect((await ask(`${origin}/explore?company=${slug}&from=2000-01-01`)).body).toContain(
			'24 matching reports'
		);
	} finally {
		primary.kill('SIGTERM');
		await exited;
	}
	// The workers stopped with their primary: nothing listens any more.
	await expect(ask(`${origin}/status`)).rejects.toThrow();
});
