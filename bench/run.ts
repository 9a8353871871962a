/**
 * The benchmark: builds the production server, fills a fresh database with demo reports, starts
 * the server on loopback and drives each route with autocannon, printing requests/s, latency
 * percentiles and the ratio to a trivial page measured in the same run.
 *
 *   npm run bench -- [--reports 1000000] [--companies 20000] [--seconds 10] [--skip-build] [--reuse-db]
 *                    [--workers 1,2] [--port 4319]
 *
 * `--workers 1,2` runs the whole measurement once per number of worker processes (`WORKERS`,
 * decision 026), one after the other on the same database, and prints them side by side.
 */
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openDatabase } from '../src/lib/server/db/client';
import { defaultCompanyCount, generateDemoData } from '../src/lib/server/demo/generate';
import { localServerEnv, signedInUser } from '../src/lib/server/testing/local-server';

const { values: args } = parseArgs({
	options: {
		reports: { type: 'string', default: '1000000' },
		companies: { type: 'string' },
		seconds: { type: 'string', default: '10' },
		connections: { type: 'string', default: '50' },
		'skip-build': { type: 'boolean', default: false },
		'reuse-db': { type: 'boolean', default: false },
		/** Only the one-request-at-a-time latency rows (after changing explore). */
		'latency-only': { type: 'boolean', default: false },
		/** Numbers of worker processes to measure in turn, e.g. `1,2` (default: one). */
		workers: { type: 'string', default: '1' },
		/** Where the measured server listens (another checkout's benchmark may hold 4319). */
		port: { type: 'string', default: '4319' }
	}
});
const reports = Number(args.reports);
const companies = Number(args.companies ?? defaultCompanyCount(reports));
const seconds = Number(args.seconds);
const connections = Number(args.connections);
const workerCounts = args.workers.split(',').map(Number);
if (!workerCounts.every((n) => Number.isInteger(n) && n >= 1)) {
	throw new Error(`--workers takes numbers of workers such as 1,2, not "${args.workers}"`);
}
const port = Number(args.port);
const origin = `http://127.0.0.1:${port}`;
const dataDir = 'bench/.data';
const databasePath = `${dataDir}/bench.db`;

function log(message: string) {
	process.stderr.write(`${message}\n`);
}

// 1. Build.
if (!args['skip-build']) {
	log('Building the production server…');
	execSync('npm run build', { stdio: ['ignore', 'ignore', 'inherit'] });
}

// 2. Data.
let loadSeconds: number | null = null;
if (!args['reuse-db'] || !existsSync(databasePath)) {
	rmSync(dataDir, { recursive: true, force: true });
	mkdirSync(dataDir, { recursive: true });
	const conn = openDatabase(databasePath);
	log(
		`Generating ${reports.toLocaleString('en')} reports across ${companies.toLocaleString('en')} companies…`
	);
	const started = performance.now();
	generateDemoData(conn, {
		reports,
		companies,
		seed: 1,
		onProgress: (done, total) => {
			if (process.stderr.isTTY)
				process.stderr.write(`\r  ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
		}
	});
	loadSeconds = (performance.now() - started) / 1000;
	if (process.stderr.isTTY) process.stderr.write('\n');
	conn.$client.pragma('wal_checkpoint(TRUNCATE)');
	conn.$client.close();
}

// 3. Fixtures the measured routes need: the largest and a small company, a pattern, a report, a session.
const conn = openDatabase(databasePath);
const sqlite = conn.$client;
const largest = sqlite
	.prepare('select slug, id from company order by report_count desc limit 1')
	.get() as { slug: string; id: number };
const small = sqlite
	.prepare('select slug from company where report_count between 3 and 10 limit 1')
	.get() as { slug: string };
const patternRow = sqlite
	.prepare('select slug from pattern order by report_count desc limit 1')
	.get() as { slug: string };
const reportRow = sqlite.prepare('select id from report order by id desc limit 1').get() as {
	id: number;
};
const token = await signedInUser(conn, `bench-${Date.now()}@bench.invalid`, 'benchmark password');
const dbBytes =
	statSync(databasePath).size +
	(existsSync(`${databasePath}-wal`) ? statSync(`${databasePath}-wal`).size : 0);
sqlite.close();

// 4. The server, once per number of workers, with its memory sampled.
type Result = {
	name: string;
	rps: number;
	p50: number;
	p95: number;
	p99: number;
	errors: number;
	non2xx: number;
};

function percentile(sorted: number[], p: number): number {
	if (!sorted.length) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Waits until the server answers the trivial page quickly again: a slow route's backlog must not count against the next one. */
async function waitForIdle() {
	for (let i = 0; i < 600; i++) {
		const started = performance.now();
		await fetch(`${origin}/status`);
		if (performance.now() - started < 50) return;
		await new Promise((r) => setTimeout(r, 500));
	}
}

async function measure(name: string, options: Partial<autocannon.Options>): Promise<Result> {
	await waitForIdle();
	const latencies: number[] = [];
	const instance = autocannon({ url: origin, connections, duration: seconds, ...options });
	instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
		latencies.push(ms);
	});
	const result = await instance;
	latencies.sort((a, b) => a - b);
	const r: Result = {
		name,
		rps: result.requests.average,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		errors: result.errors + result.timeouts,
		non2xx: result.non2xx
	};
	log(`  ${name}: ${r.rps.toFixed(0)} req/s, p95 ${r.p95.toFixed(1)} ms`);
	return r;
}

/** Resident memory of a process and all its descendants (tsx, the primary, the workers), in bytes. */
function treeRss(pid: number): number {
	const rows = execSync('ps -eo pid=,ppid=,rss=')
		.toString()
		.trim()
		.split('\n')
		.map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number]);
	const tree = new Set([pid]);
	let kb = 0;
	for (let grew = true; grew;) {
		grew = false;
		for (const [p, parent] of rows) {
			if (!tree.has(p) && tree.has(parent)) {
				tree.add(p);
				grew = true;
			}
		}
	}
	for (const [p, , rss] of rows) if (tree.has(p)) kb += rss;
	return kb * 1024;
}

const cookie = `session=${token}`;
const form = new URLSearchParams({
	company: '',
	title: 'Benchmark report: line dead for days',
	product: 'Landline',
	category: 'service-outage',
	trigger: 'moving-house',
	startedOn: '2026-01-10',
	contacts: '12',
	hours: '4.5',
	channels: 'phone',
	currency: 'EUR',
	amountDisputed: '120',
	outcome: 'unresolved',
	rating: '1',
	narrative: 'The line went dead the day we moved and stayed dead for a week despite twelve calls.',
	language: 'en'
});

// Latency targets are a visitor's wait, so they are measured one request at a time: with 50
// connections on one server thread, every figure includes waiting behind 49 others.
const latencyRoutes: [string, string][] = [
	['explore, no filter', '/explore'],
	['explore, three filters', '/explore?category=billing-error&outcome=unresolved&channel=phone'],
	[
		'explore, four other filters',
		'/explore?language=de&rating=1&rating=2&escalation=regulator&from=2025-01-01'
	],
	['explore, industry and trigger', '/explore?industry=telecom&trigger=moving-house'],
	['search "refund" (160k matches, newest first)', '/explore?q=refund'],
	['search "broadband engineer" (ranked)', '/explore?q=broadband+engineer'],
	['search "refund" + two filters', '/explore?q=refund&category=refund-refused&rating=1'],
	['search "refund", ranked on request', '/explore?q=refund&order=relevance']
];
// The same address again may be answered from caches (the last facet match, the last 32
// searches); these rows ask something different each time.
const filterSets = [
	'category=billing-error&outcome=unresolved&channel=phone',
	'language=de&rating=1&rating=2&escalation=regulator&from=2025-01-01',
	'industry=telecom&trigger=moving-house',
	'category=service-outage&escalation=media',
	'outcome=resolved&channel=chat&language=es',
	'trigger=death-of-account-holder',
	'industry=banking&rating=1',
	'category=cancellation-obstructed&channel=phone&channel=email',
	'from=2024-01-01&to=2024-06-30&outcome=partly-resolved',
	'escalation=executive-office&rating=5',
	'industry=energy&category=billing-error&language=en',
	'source=recourse&outcome=unresolved&trigger=moving-house'
];
const words = [
	'refund',
	'engineer',
	'broadband',
	'bill',
	'meter',
	'cancel',
	'supervisor',
	'promised',
	'months',
	'arrears',
	'parcel',
	'flight',
	'charged',
	'letter',
	'router',
	'deposit',
	'insurance',
	'claim',
	'transfer',
	'fee',
	'contract',
	'outage',
	'technician',
	'complaint',
	'account',
	'called',
	'weeks',
	'agent',
	'manager',
	'hold',
	'disconnected',
	'payment',
	'late',
	'credit',
	'shipping',
	'delivery',
	'landline',
	'mobile',
	'heating',
	'water'
];

type Run = {
	workers: number;
	results: Result[];
	latencies: Result[];
	peakRss: number;
	facetsLine: string;
	reportsAdded: number;
};

async function benchWorkers(workers: number): Promise<Run> {
	const before = openDatabase(databasePath);
	const reportsBefore = (
		before.$client.prepare('select count(*) n from report').get() as { n: number }
	).n;
	before.$client.close();
	log(`Starting the server with ${workers} worker${workers === 1 ? '' : 's'}…`);
	const server = spawn('node_modules/.bin/tsx', ['scripts/serve.ts'], {
		// Rate limits off: one benchmark user files thousands of reports, the API is asked without pause.
		env: localServerEnv(port, databasePath, { WORKERS: String(workers) }),
		stdio: ['ignore', 'pipe', 'pipe']
	});
	// A failed run must not leave the server holding the port.
	const stop = () => server.kill('SIGTERM');
	process.on('exit', stop);
	// Explore's facet index loads in the background after start, then the common words' sets
	// (word sets), in every worker: measuring before all are ready would measure the fallbacks.
	let facetsLoaded: (line: string) => void;
	const facetsReady = new Promise<string>((r) => (facetsLoaded = r));
	const loadLines: string[] = [];
	let warmed = 0;
	for (const stream of [server.stdout!, server.stderr!]) {
		stream.setEncoding('utf8');
		stream.on('data', (chunk: string) => {
			process.stderr.write(chunk);
			for (const line of chunk.split('\n')) {
				if (line.startsWith('facet index:')) loadLines.push(line.trim());
				if (line.startsWith('word sets:')) {
					loadLines.push(line.trim());
					if (++warmed === workers) facetsLoaded(loadLines.join('; '));
				}
			}
		});
	}
	let peakRss = 0;
	const sampler = setInterval(() => {
		try {
			peakRss = Math.max(peakRss, treeRss(server.pid!));
		} catch {
			// The server has exited; the run fails below.
		}
	}, 250);
	for (let i = 0; ; i++) {
		try {
			if ((await fetch(`${origin}/status`)).ok) break;
		} catch {
			if (i > 300) throw new Error('the server did not start');
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	// Up to 100,000 reports the index loads at once, before the first answer, and logs nothing.
	const facetsLine = await Promise.race([
		reportsBefore <= 100_000
			? Promise.resolve('facet index loaded at start (100,000 reports or fewer)')
			: facetsReady,
		new Promise<string>((r) =>
			setTimeout(() => r('facet index or word sets: not ready after 300 s'), 300_000)
		)
	]);
	log(`Measuring (${connections} connections, ${seconds} s per route)…`);
	const results: Result[] = [];
	results.push(await measure('trivial page (/status)', { url: `${origin}/status` }));
	if (!args['latency-only']) await measureRoutes();
	async function measureRoutes() {
		results.push(await measure('home', { url: `${origin}/` }));
		results.push(
			await measure('scorecard, largest company', { url: `${origin}/companies/${largest.slug}` })
		);
		results.push(
			await measure('scorecard, small company', { url: `${origin}/companies/${small.slug}` })
		);
		results.push(await measure('pattern page', { url: `${origin}/patterns/${patternRow.slug}` }));
		results.push(await measure('explore, no filter', { url: `${origin}/explore` }));
		results.push(
			await measure('explore, three filters', {
				url: `${origin}/explore?category=billing-error&outcome=unresolved&channel=phone`
			})
		);
		results.push(await measure('explore, text search', { url: `${origin}/explore?q=refund` }));
		results.push(await measure('report page', { url: `${origin}/reports/${reportRow.id}` }));
		results.push(
			await measure('API list', { url: `${origin}/api/v1/reports?category=billing-error` })
		);
		results.push(
			await measure('CSV export, 10,000 rows', {
				url: `${origin}/explore/export.csv?limit=10000`,
				connections: 4
			})
		);
		form.set(
			'company',
			(await (await fetch(`${origin}/api/v1/companies/${largest.slug}`)).json()).data.name
		);
		results.push(
			await measure('report submission (POST)', {
				url: `${origin}/reports/new`,
				method: 'POST',
				connections: 10,
				headers: {
					cookie,
					origin,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: form.toString()
			})
		);
	}

	// Latency rows measure the work of an answer: past the response cache (issue 20 item 5),
	// which would answer every repeat of these few addresses from memory.
	const cold = { 'cache-control': 'no-cache' };
	const cycle = (name: string, paths: string[]) =>
		measure(name, {
			url: origin,
			connections: 1,
			duration: Math.min(seconds, 5),
			headers: cold,
			requests: paths.map((path) => ({ method: 'GET' as const, path }))
		});
	const latencies: Result[] = [];
	latencies.push(
		await cycle(
			`explore, ${filterSets.length} filter sets in turn (1 conn.)`,
			filterSets.map((q) => `/explore?${q}`)
		)
	);
	latencies.push(
		await cycle(
			`search, ${words.length} words in turn (1 conn.)`,
			words.map((w) => `/explore?q=${w}`)
		)
	);
	for (const [name, path] of latencyRoutes) {
		latencies.push(
			await measure(`${name} (1 conn.)`, {
				url: `${origin}${path}`,
				connections: 1,
				duration: Math.min(seconds, 5),
				headers: cold
			})
		);
	}

	clearInterval(sampler);
	stop();
	process.off('exit', stop);
	await new Promise((r) => server.once('exit', r));

	const after = openDatabase(databasePath);
	const reportsAfter = (
		after.$client.prepare('select count(*) n from report').get() as { n: number }
	).n;
	after.$client.close();
	return {
		workers,
		results,
		latencies,
		peakRss,
		facetsLine,
		reportsAdded: reportsAfter - reportsBefore
	};
}

const runs: Run[] = [];
for (const workers of workerCounts) runs.push(await benchWorkers(workers));

// 5. The tables: each run in full, then req/s side by side.
const workersLabel = (n: number) => `${n} worker${n === 1 ? '' : 's'}`;
const ratio = (run: Run, r: Result) => (r.rps / run.results[0]!.rps).toFixed(2);
console.log(`
Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}
Data: ${reports.toLocaleString('en')} reports, ${companies.toLocaleString('en')} companies${loadSeconds === null ? ' (database reused)' : `, generated in ${loadSeconds.toFixed(1)} s`}
Database file: ${(dbBytes / 2 ** 20).toFixed(0)} MiB`);
for (const run of runs) {
	const submission = run.results.find((r) => r.name.startsWith('report submission'));
	console.log(`
### ${workersLabel(run.workers)}: server peak RSS ${(run.peakRss / 2 ** 20).toFixed(0)} MiB (all processes)

Submissions acknowledged (non-2xx are the 303 redirects): ${submission?.non2xx ?? '–'}; reports added: ${run.reportsAdded}

| route | req/s | p50 ms | p95 ms | p99 ms | × trivial | errors | non-2xx |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${run.results.map((r) => `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${ratio(run, r)} | ${r.errors} | ${r.non2xx} |`).join('\n')}

Latency, one request at a time (${run.facetsLine}):

| route | req/s | p50 ms | p95 ms | p99 ms | errors |
| --- | ---: | ---: | ---: | ---: | ---: |
${run.latencies.map((r) => `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors + r.non2xx} |`).join('\n')}
`);
}
if (runs.length > 1) {
	const names = runs[0]!.results.map((r) => r.name);
	const cell = (run: Run, name: string) => {
		const r = run.results.find((x) => x.name === name);
		return r ? `${r.rps.toFixed(0)} (${ratio(run, r)})` : '–';
	};
	console.log(`
### req/s side by side (× trivial of the same run)

| route | ${runs.map((r) => workersLabel(r.workers)).join(' | ')} |
| --- | ${runs.map(() => '---:').join(' | ')} |
${names.map((name) => `| ${name} | ${runs.map((run) => cell(run, name)).join(' | ')} |`).join('\n')}
`);
}
