/** Fills a database with deterministic demo data: `npm run db:demo -- --reports 100000`. */
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/lib/server/db/client';
import {
	defaultCompanyCount,
	demoDefaults,
	type DemoStage,
	generateDemoData,
	hasReports
} from '../src/lib/server/demo/generate';

const usage = `Usage: npm run db:demo -- [options]

  --reports N      reports to create, the mission cases included (default ${demoDefaults.reports})
  --companies N    companies (default: one per 50 reports, at least 60)
  --users N        demo users, who cannot sign in (default ${demoDefaults.users})
  --seed S         the same seed gives the same data (default ${demoDefaults.seed})
  --database PATH  SQLite file (default: $DATABASE_PATH or data/recourse.db)
  --if-empty       do nothing, successfully, when the database already has reports
`;

function fail(message: string): never {
	process.stderr.write(`${message}\n\n${usage}`);
	process.exit(1);
}

function wholeNumber(name: string, value: string | undefined, fallback: number): number {
	if (value === undefined) return fallback;
	if (!/^\d{1,9}$/.test(value.replace(/_/g, ''))) fail(`--${name} must be a whole number`);
	return Number(value.replace(/_/g, ''));
}

let args;
try {
	args = parseArgs({
		options: {
			reports: { type: 'string' },
			companies: { type: 'string' },
			users: { type: 'string' },
			seed: { type: 'string' },
			database: { type: 'string' },
			'if-empty': { type: 'boolean' },
			help: { type: 'boolean', short: 'h' }
		}
	}).values;
} catch (e) {
	fail((e as Error).message);
}
if (args.help) {
	process.stdout.write(usage);
	process.exit(0);
}

const reports = wholeNumber('reports', args.reports, demoDefaults.reports);
const companies = wholeNumber('companies', args.companies, defaultCompanyCount(reports));
const users = wholeNumber('users', args.users, demoDefaults.users);
const seed = wholeNumber('seed', args.seed, demoDefaults.seed);
const file = args.database || process.env.DATABASE_PATH || 'data/recourse.db';

const conn = openDatabase(file);
if (hasReports(conn)) {
	conn.$client.close();
	if (args['if-empty']) {
		console.log(`${file} already has reports: no demo data added.`);
		process.exit(0);
	}
	process.stderr.write(
		`${file} already has reports; demo data goes only into an empty database.\n` +
			'Use another --database, delete this one, or pass --if-empty to skip quietly.\n'
	);
	process.exit(1);
}

const format = new Intl.NumberFormat('en');
const live = process.stderr.isTTY;
const started = performance.now();
/** When each stage began, for the summary. */
const stages: [DemoStage | 'finishing', number][] = [];
let lastDraw = 0;

function draw(line: string) {
	if (live) process.stderr.write(`\r\x1b[2K${line}`);
}

function drawProgress(done: number, total: number) {
	const now = performance.now();
	if (done < total && now - lastDraw < 200) return;
	lastDraw = now;
	const seconds = (now - (stages[0]?.[1] ?? started)) / 1000;
	const rate = done / seconds;
	const eta = rate > 0 ? Math.ceil((total - done) / rate) : 0;
	draw(
		`${format.format(done)} / ${format.format(total)} reports  ` +
			`${format.format(Math.round(rate))}/s  ETA ${eta} s`
	);
}

function startStage(stage: DemoStage) {
	stages.push([stage, performance.now()]);
	if (stage !== 'reports') draw(`Building the ${stage}…`);
}

console.log(`Loading demo data into ${file} (seed ${seed})…`);
const summary = generateDemoData(conn, {
	reports,
	companies,
	users,
	seed,
	onProgress: drawProgress,
	onStage: startStage
});
stages.push(['finishing', performance.now()]);
conn.$client.close();
draw('');

const seconds = (performance.now() - started) / 1000;
const stageTimes = stages
	.map(([stage, at], i) => {
		const end = stages[i + 1]?.[1] ?? performance.now();
		return `${stage} ${((end - at) / 1000).toFixed(1)} s`;
	})
	.join(', ');
const megabytes = statSync(file).size / 1024 / 1024;
console.log(
	[
		`reports      ${format.format(summary.reports)}`,
		`companies    ${format.format(summary.companies)}`,
		`users        ${format.format(summary.users)}`,
		`channels     ${format.format(summary.channels)}`,
		`escalations  ${format.format(summary.escalations)}`,
		`elapsed      ${seconds.toFixed(1)} s (${format.format(Math.round(summary.reports / seconds))} reports/s)`,
		`stages       ${stageTimes}`,
		`file size    ${megabytes.toFixed(1)} MB`
	].join('\n')
);
