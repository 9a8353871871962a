/**
 * Load test: 100 concurrent clients mixing page reads and report submissions against the
 * production server on loopback for 60 s. Prints errors (must be 0) and checks that every
 * acknowledged submission (a 303 to the new report) is in the database afterwards.
 *
 *   npm run bench:load -- [--seconds 60] [--connections 100] [--reports 20000] [--skip-build]
 */
import { execSync, spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openDatabase } from '../src/lib/server/db/client';
import { createSession, generateSessionToken } from '../src/lib/server/auth/session';
import { createUser } from '../src/lib/server/auth/users';
import { generateDemoData } from '../src/lib/server/demo/generate';

const { values: args } = parseArgs({
	options: {
		seconds: { type: 'string', default: '60' },
		connections: { type: 'string', default: '100' },
		reports: { type: 'string', default: '20000' },
		'skip-build': { type: 'boolean', default: false }
	}
});
const port = 4329;
const origin = `http://127.0.0.1:${port}`;
const dataDir = 'bench/.data-load';
const databasePath = `${dataDir}/load.db`;
const log = (message: string) => process.stderr.write(`${message}\n`);

if (!args['skip-build']) {
	log('Building the production server…');
	execSync('npm run build', { stdio: ['ignore', 'ignore', 'inherit'] });
}
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
const conn = openDatabase(databasePath);
log(`Generating ${Number(args.reports).toLocaleString('en')} demo reports…`);
generateDemoData(conn, { reports: Number(args.reports), seed: 7 });
const company = conn.$client
	.prepare('select name, slug from company order by report_count desc limit 1')
	.get() as { name: string; slug: string };
const user = await createUser(conn, {
	email: 'load@bench.invalid',
	password: 'load test password'
});
if (!user.ok) throw new Error('could not create the load-test user');
const token = generateSessionToken();
createSession(conn, token, user.user.id);
conn.$client.close();

// Rate limits off: one user submits hundreds of reports a second here.
const server = spawn('node', ['build'], {
	env: {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: origin,
		DATABASE_PATH: databasePath,
		SECURE_COOKIES: '0',
		RATE_LIMITS: 'off'
	},
	stdio: ['ignore', 'ignore', 'inherit']
});
const exited = new Promise((r) => server.once('exit', r));
for (let i = 0; ; i++) {
	try {
		if ((await fetch(`${origin}/status`)).ok) break;
	} catch {
		if (i > 200) throw new Error('the server did not start');
	}
	await new Promise((r) => setTimeout(r, 50));
}

const body = new URLSearchParams({
	company: company.name,
	title: 'Load test: line dead for days',
	product: 'Landline',
	category: 'service-outage',
	trigger: 'moving-house',
	startedOn: '2026-01-10',
	outcome: 'unresolved',
	rating: '1',
	narrative: 'The line went dead the day we moved and stayed dead for a week despite many calls.',
	language: 'en'
}).toString();
const acknowledged: number[] = [];
let refused = 0;
const submit = {
	method: 'POST' as const,
	path: '/reports/new',
	headers: {
		cookie: `session=${token}`,
		origin,
		accept: 'text/html',
		'content-type': 'application/x-www-form-urlencoded'
	},
	body,
	onResponse: (
		status: number,
		_body: string,
		_context: unknown,
		headers?: Record<string, string>
	) => {
		const id = headers?.location?.match(/^\/reports\/(\d+)/)?.[1];
		if (status === 303 && id) acknowledged.push(Number(id));
		else refused += 1;
	}
};
log(`Driving ${args.connections} clients for ${args.seconds} s: reads and submissions mixed…`);
const result = await autocannon({
	url: origin,
	connections: Number(args.connections),
	duration: Number(args.seconds),
	requests: [
		{ method: 'GET', path: '/' },
		{ method: 'GET', path: `/companies/${company.slug}` },
		submit,
		{ method: 'GET', path: '/explore?category=billing-error' },
		{ method: 'GET', path: '/patterns' },
		submit
	]
});
server.kill('SIGTERM');
await exited;

const after = openDatabase(databasePath);
const stored = new Set(
	(
		after.$client
			.prepare("select id from report where title = 'Load test: line dead for days'")
			.all() as {
			id: number;
		}[]
	).map((r) => r.id)
);
const integrity = (after.$client.pragma('integrity_check') as { integrity_check: string }[])[0]
	?.integrity_check;
after.$client.close();
const missing = acknowledged.filter((id) => !stored.has(id));

console.log(`| figure | value |
| --- | --- |
| requests | ${result.requests.total} (${result.requests.average.toFixed(0)}/s) |
| latency p50 / p99 (ms) | ${result.latency.p50} / ${result.latency.p99} |
| errors (connection, timeout) | ${result.errors} (${result.timeouts} timeouts) |
| responses 2xx / 3xx / 4xx / 5xx | ${result['2xx']} / ${result['3xx']} / ${result['4xx']} / ${result['5xx']} |
| submissions acknowledged | ${acknowledged.length} (${(acknowledged.length / Number(args.seconds)).toFixed(0)}/s) |
| submissions refused | ${refused} |
| acknowledged but missing from the database | ${missing.length} |
| integrity_check | ${integrity} |`);
const failed =
	result.errors > 0 ||
	result['4xx'] + result['5xx'] > 0 ||
	refused > 0 ||
	missing.length > 0 ||
	integrity !== 'ok';
if (failed) {
	log('FAILED: errors, refused requests or lost reports (see the table).');
	process.exit(1);
}
