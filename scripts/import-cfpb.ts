/** Imports the CFPB Consumer Complaint Database: `npm run import:cfpb -- complaints.csv.zip`. */
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/lib/server/db/client';
import {
	importCfpbStream,
	type ImportProgress,
	type ImportStage,
	type RollupMode
} from '../src/lib/server/import/cfpb';
import { openSourceFile } from '../src/lib/server/import/source-file';

const usage = `Usage: npm run import:cfpb -- [options] <complaints.csv | complaints.csv.zip>

  --database PATH    SQLite file (default: $DATABASE_PATH or data/recourse.db)
  --rollups MODE     incremental, rebuild or auto (default auto: rebuild for large files)
  --batch N          rows per transaction (default 2000)

Re-running with the same or a newer export updates the complaints already imported.
`;

function fail(message: string): never {
	process.stderr.write(`${message}\n\n${usage}`);
	process.exit(1);
}

let parsed;
try {
	parsed = parseArgs({
		allowPositionals: true,
		options: {
			database: { type: 'string' },
			rollups: { type: 'string' },
			batch: { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		}
	});
} catch (e) {
	fail((e as Error).message);
}
const { values: args, positionals } = parsed;
if (args.help) {
	process.stdout.write(usage);
	process.exit(0);
}
if (positionals.length !== 1) fail('Give one CSV or ZIP file.');
const rollups = (args.rollups ?? 'auto') as RollupMode;
if (!['incremental', 'rebuild', 'auto'].includes(rollups))
	fail('--rollups must be incremental, rebuild or auto');
if (args.batch !== undefined && !/^\d{1,6}$/.test(args.batch))
	fail('--batch must be a whole number');
const batchSize = Math.max(1, Number(args.batch ?? 2000));
const file = args.database || process.env.DATABASE_PATH || 'data/recourse.db';

const format = new Intl.NumberFormat('en');
const live = process.stderr.isTTY;
const started = performance.now();
let lastDraw = 0;
let lastLine = 0;

function duration(seconds: number): string {
	if (!Number.isFinite(seconds)) return '–';
	const s = Math.round(seconds);
	return s >= 60 ? `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
}

/** A bar on a terminal, redrawn in place; a plain line every 10 s when stderr is a file or pipe. */
function drawProgress(p: ImportProgress) {
	const now = performance.now();
	if (now - lastDraw < (live ? 200 : 10_000)) return;
	lastDraw = now;
	const seconds = (now - started) / 1000;
	const rate = p.rowsRead / seconds;
	const share = p.totalBytes ? Math.min(1, p.bytes / p.totalBytes) : null;
	const eta = share ? (seconds / share) * (1 - share) : NaN;
	const width = 24;
	const bar =
		share === null
			? ''
			: `[${'#'.repeat(Math.round(share * width)).padEnd(width, '-')}] ${(share * 100).toFixed(1)}%  `;
	const line =
		`${bar}${format.format(p.rowsRead)} rows  ${format.format(Math.round(rate))} rows/s  ` +
		`ETA ${duration(eta)}  (new ${format.format(p.imported)}, updated ${format.format(p.updated)}, ` +
		`skipped ${format.format(p.skipped)})`;
	if (live) process.stderr.write(`\r\x1b[2K${line}`);
	else if (now - lastLine >= 10_000 || lastLine === 0) {
		lastLine = now;
		process.stderr.write(`${line}\n`);
	}
}

const stageNames: Record<ImportStage, string> = {
	rows: 'Reading complaints',
	'roll-ups': 'Rebuilding roll-ups',
	statistics: 'Updating planner statistics'
};
const stageTimes: [ImportStage, number][] = [];
function startStage(stage: ImportStage) {
	stageTimes.push([stage, performance.now()]);
	if (live && stage !== 'rows') process.stderr.write('\r\x1b[2K');
	if (stage !== 'rows' || !live) process.stderr.write(`${stageNames[stage]}…\n`);
}

const path = positionals[0]!;
let source;
try {
	source = await openSourceFile(path);
} catch (e) {
	fail(`Cannot read ${path}: ${(e as Error).message}`);
}
const conn = openDatabase(file);
console.log(`Importing ${source.name} into ${file}…`);
let summary;
try {
	summary = await importCfpbStream(conn, source.stream, {
		totalBytes: source.totalBytes,
		rollups,
		batchSize,
		onProgress: drawProgress,
		onStage: startStage
	});
} catch (e) {
	if (live) process.stderr.write('\n');
	process.stderr.write(`Import stopped: ${(e as Error).message}\n`);
	process.stderr.write('Batches written before the error are kept; re-run to continue.\n');
	conn.$client.close();
	process.exit(1);
}
conn.$client.pragma('wal_checkpoint(TRUNCATE)');
conn.$client.close();
if (live) process.stderr.write('\r\x1b[2K');

const seconds = (performance.now() - started) / 1000;
const stages = stageTimes
	.map(([stage, at], i) => {
		const end = stageTimes[i + 1]?.[1] ?? performance.now();
		return `${stage} ${((end - at) / 1000).toFixed(1)} s`;
	})
	.join(', ');
const n = (value: number) => format.format(value).padStart(12);
const lines = [
	`rows read    ${n(summary.rowsRead)}`,
	`imported     ${n(summary.imported)}  (new reports)`,
	`updated      ${n(summary.updated)}`,
	`unchanged    ${n(summary.unchanged)}`,
	`skipped      ${n(summary.skipped)}`,
	...summary.skippedReasons.map(
		(r) =>
			`  ${format.format(r.count).padStart(10)}  ${r.reason} (line ${r.lines.join(', ')}${r.count > r.lines.length ? ', …' : ''})`
	),
	...summary.unknownResponses.map(
		(r) =>
			`note: ${format.format(r.count)} rows with the unknown company response "${r.value}" have no response row`
	),
	`companies    ${n(summary.companiesCreated)}  (new)`,
	`roll-ups     ${summary.rollups}`,
	`elapsed      ${seconds.toFixed(1)} s (${format.format(Math.round(summary.rowsRead / seconds))} rows/s; ${stages})`,
	`peak RSS     ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
	`file size    ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`
];
console.log(lines.join('\n'));
