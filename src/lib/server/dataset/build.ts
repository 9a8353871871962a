/**
 * Builds the downloadable dataset: one gzip'd CSV per public table and a gzip'd SQLite file of
 * the same rows, read from one snapshot, streamed to disk, published by one rename.
 */
import { createHash } from 'node:crypto';
import {
	createReadStream,
	createWriteStream,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Connection } from '../db/client';
import { readDataVersion } from '../db/data-version';
import * as schema from '../db/schema';
import { noFilters } from '../reports/explore';
import { exportBatches, exportColumns } from '../reports/export';
import { csvHeader, csvLines, exportValues } from '../reports/export-response';
import {
	dataLicence,
	listVersions,
	versionOf,
	type DatasetFile,
	type DatasetManifest
} from './manifest';
import { publicTables } from './public-tables';

/** How many published versions stay on disk: the newest, and the one a reader may be downloading. */
export const keptVersions = 2;
const batchSize = 1000;

/** Writes `chunks` gzip'd to `path`, with back-pressure; returns the size and SHA-256 of what was written. */
async function writeGzip(
	path: string,
	chunks: Iterable<string> | AsyncIterable<string> | Readable
): Promise<{ bytes: number; sha256: string }> {
	const hash = createHash('sha256');
	let bytes = 0;
	const measure = new Transform({
		transform(chunk: Buffer, _encoding, done) {
			hash.update(chunk);
			bytes += chunk.length;
			done(null, chunk);
		}
	});
	const source = chunks instanceof Readable ? chunks : Readable.from(chunks);
	await pipeline(source, createGzip({ level: 6 }), measure, createWriteStream(path));
	return { bytes, sha256: hash.digest('hex') };
}

/** Cell values as SQLite stores them: booleans as 0/1, objects as JSON text. */
const sqliteValue = (value: unknown) =>
	typeof value === 'boolean'
		? Number(value)
		: value !== null && typeof value === 'object'
			? JSON.stringify(value)
			: value;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A table of the published SQLite file and the statement that fills it. */
function publishedTable(
	target: Database.Database,
	name: string,
	columns: readonly (readonly [string, string])[]
) {
	// No primary key: reports arrive newest first, and inserting ids in descending order into a
	// rowid tree leaves its pages half full (175 MB instead of 95 at 100,000 reports). Indexes
	// are made once the rows are in (publishedIndexes).
	const defs = columns.map(([column, type]) => `${quote(column)} ${type}`.trim());
	target.exec(`create table ${quote(name)} (${defs.join(', ')})`);
	const insert = target.prepare(
		`insert into ${quote(name)} values (${columns.map(() => '?').join(', ')})`
	);
	return (rows: unknown[][]) => {
		target.transaction(() => {
			for (const row of rows) insert.run(row.map(sqliteValue));
		})();
	};
}

/** Indexes of the published file, made after its rows, by sorting: ids, and the joins to reports. */
const publishedIndexes = [
	'create unique index report_id_idx on report (id)',
	'create unique index company_id_idx on company (id)',
	'create unique index company_slug_idx on company (slug)',
	'create unique index company_response_id_idx on company_response (id)',
	'create index company_response_report_idx on company_response (report_id)',
	'create index report_category_report_idx on report_category (report_id)',
	'create index report_trigger_report_idx on report_trigger (report_id)',
	'create index report_channel_report_idx on report_channel (report_id)',
	'create index report_escalation_report_idx on report_escalation (report_id)',
	'create index report_event_report_idx on report_event (report_id)'
];

/** Reports as the export has them, every visible one, written to the CSV and the SQLite file at once. */
function* reportChunks(
	snapshot: Connection,
	origin: string,
	insert: (rows: unknown[][]) => void,
	counted: { rows: number }
) {
	yield csvHeader(exportColumns.map(([name]) => name));
	for (const batch of exportBatches(snapshot, noFilters, origin, { batchSize })) {
		const rows = batch.map(exportValues);
		insert(rows);
		counted.rows += rows.length;
		yield csvLines(rows);
	}
}

function* tableChunks(
	statement: Database.Statement,
	columns: readonly string[],
	insert: (rows: unknown[][]) => void,
	counted: { rows: number }
) {
	yield csvHeader(columns);
	let rows: unknown[][] = [];
	const flush = () => {
		insert(rows);
		counted.rows += rows.length;
		const lines = csvLines(rows);
		rows = [];
		return lines;
	};
	for (const row of statement.raw().iterate() as IterableIterator<unknown[]>) {
		rows.push(row);
		if (rows.length === batchSize) yield flush();
	}
	if (rows.length) yield flush();
}

/**
 * /about/data shows the newest version, so a new one must change that page's validator and
 * drop the responses kept for it: the ETag is made of the data version (decision 015), which
 * is moved here like any write to what public pages show.
 */
function announceNewVersion(db: Connection): void {
	db.$client.prepare('update data_version set version = version + 1 where id = 1').run();
}

/** A build's folder untouched for a day is one whose process died (a running build writes into it). */
function removeAbandonedBuilds(dir: string, now: Date): void {
	for (const name of readdirSync(dir)) {
		if (!name.startsWith('.build-')) continue;
		const path = join(dir, name);
		if (statSync(path).mtimeMs < now.getTime() - 86_400_000) {
			rmSync(path, { recursive: true, force: true });
		}
	}
}

export type BuildOptions = {
	/** The site's address: each report's `url` column, as the export writes it. */
	origin: string;
};

/**
 * Builds a new version of the public dataset into `dir` and returns its manifest. Every file is
 * read from one snapshot (a read transaction on a connection of its own, so the server's writes
 * go on meanwhile), streamed batch by batch, written to a hidden folder and published by
 * renaming it; only the newest `keptVersions` versions stay.
 */
export async function buildDataset(
	db: Connection,
	dir: string,
	now: Date,
	options: BuildOptions
): Promise<DatasetManifest> {
	mkdirSync(dir, { recursive: true });
	removeAbandonedBuilds(dir, now);
	const version = versionOf(now);
	const work = mkdtempSync(join(dir, '.build-'));
	const client = new Database(db.$client.name, { readonly: true, fileMustExist: true });
	try {
		client.pragma('busy_timeout = 5000');
		const snapshot = drizzle(client, { schema });
		// The snapshot begins at the first read after BEGIN: the data version, read first.
		client.exec('begin');
		const dataVersion = readDataVersion(snapshot);

		const databaseFile = join(work, 'recourse.sqlite');
		const target = new Database(databaseFile);
		target.pragma('journal_mode = OFF');
		target.pragma('synchronous = OFF');
		const files: DatasetFile[] = [];
		const tables: Record<string, number> = {};
		try {
			const counted = { rows: 0 };
			const insertReports = publishedTable(
				target,
				'report',
				exportColumns.map(([name]) => [name, ''] as const)
			);
			const name = 'report.csv.gz';
			const written = await writeGzip(
				join(work, name),
				reportChunks(snapshot, options.origin, insertReports, counted)
			);
			files.push({
				name,
				table: 'report',
				contentType: 'application/gzip',
				rows: counted.rows,
				...written
			});
			tables.report = counted.rows;
			for (const table of publicTables) {
				const count = { rows: 0 };
				const insert = publishedTable(target, table.name, table.columns);
				const file = `${table.name}.csv.gz`;
				const columns = table.columns.map(([c]) => c);
				const out = await writeGzip(
					join(work, file),
					tableChunks(client.prepare(table.select), columns, insert, count)
				);
				files.push({
					name: file,
					table: table.name,
					contentType: 'application/gzip',
					rows: count.rows,
					...out
				});
				tables[table.name] = count.rows;
			}
			for (const statement of publishedIndexes) target.exec(statement);
			const about = publishedTable(target, 'dataset', [
				['key', 'TEXT'],
				['value', 'TEXT']
			]);
			about([
				['version', version],
				['created_at', now.toISOString()],
				['data_version', dataVersion],
				['license', dataLicence.spdx],
				['license_url', dataLicence.url],
				['license_note', dataLicence.note]
			]);
		} finally {
			target.close();
		}
		client.exec('commit');

		const rows = Object.values(tables).reduce((a, b) => a + b, 0);
		const database = 'recourse.sqlite.gz';
		const packed = await writeGzip(join(work, database), createReadStream(databaseFile));
		rmSync(databaseFile);
		files.push({
			name: database,
			table: 'database',
			contentType: 'application/gzip',
			rows,
			...packed
		});

		const manifest: DatasetManifest = {
			version,
			createdAt: now.toISOString(),
			dataVersion,
			license: dataLicence,
			tables,
			files
		};
		writeFileSync(join(work, 'manifest.json'), JSON.stringify(manifest, null, '\t') + '\n');
		// One rename publishes the whole version: readers see all of it or none.
		rmSync(join(dir, version), { recursive: true, force: true });
		renameSync(work, join(dir, version));
		for (const old of listVersions(dir).slice(keptVersions)) {
			rmSync(join(dir, old), { recursive: true, force: true });
		}
		announceNewVersion(db);
		return manifest;
	} finally {
		if (client.inTransaction) client.exec('rollback');
		client.close();
		rmSync(work, { recursive: true, force: true });
	}
}
