/** Streams an export as CSV or JSON: one batch is read from the database each time the client is ready for more. */
import { stringify } from 'csv-stringify/sync';
import type { Connection } from '../db/client';
import { readDataVersion } from '../db/data-version';
import { invalidParamsResponse } from '../api/problem';
import { integer, one } from '../query-params';
import { readExploreQuery, type ExploreFilters } from './explore';
import { exportBatches, exportColumns, type ExportRow } from './export';

/**
 * Spreadsheets run cells that start with = + - @ as formulas; a leading apostrophe keeps a
 * hostile narrative from becoming a formula (OWASP "CSV injection"). Documented on /about/data.
 */
function defuseFormula(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function streamOf(chunks: Iterator<string>): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	return new ReadableStream({
		pull(controller) {
			const next = chunks.next();
			if (next.done) controller.close();
			else controller.enqueue(encoder.encode(next.value));
		}
	});
}

/** The first line of a CSV file: a byte-order mark (spreadsheets then read UTF-8) and the column names. */
export function csvHeader(columns: readonly string[]): string {
	return '\uFEFF' + stringify([columns]);
}

/** CSV lines of rows, values as the export writes them (formulas defused, objects as JSON text). */
export function csvLines(rows: unknown[][]): string {
	return stringify(rows, {
		cast: {
			string: defuseFormula,
			boolean: (value) => String(value),
			// source_details: the JSON text of the object, as the JSON export has it.
			object: (value) => defuseFormula(JSON.stringify(value))
		}
	});
}

/** An export row's values in the order of the export's columns. */
export const exportValues = (row: ExportRow) => exportColumns.map(([name]) => row[name]);

function* csvChunks(batches: Iterable<ExportRow[]>) {
	yield csvHeader(exportColumns.map(([name]) => name));
	for (const batch of batches) yield csvLines(batch.map(exportValues));
}

function* jsonChunks(batches: Iterable<ExportRow[]>) {
	yield '[';
	let first = true;
	for (const batch of batches) {
		for (const row of batch) {
			yield (first ? '\n' : ',\n') + JSON.stringify(row);
			first = false;
		}
	}
	yield '\n]\n';
}

export function exportResponse(
	db: Connection,
	filters: ExploreFilters,
	origin: string,
	format: 'csv' | 'json',
	/** At most this many rows (the newest), when given. */
	max?: number
): Response {
	// Read as the first batch is: a long export reads batch by batch, not from one snapshot.
	const dataVersion = readDataVersion(db);
	const batches = exportBatches(db, filters, origin, { max });
	const chunks = format === 'csv' ? csvChunks(batches) : jsonChunks(batches);
	const day = new Date().toISOString().slice(0, 10);
	return new Response(streamOf(chunks), {
		headers: {
			'content-type':
				format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
			// Caching (an ETag from the data version, revalidated): src/lib/server/http/caching.ts.
			'content-disposition': `attachment; filename="recourse-reports-${day}.${format}"`,
			'x-data-version': dataVersion
		}
	});
}

/**
 * The answer of an explore view's export address (`/explore/export.csv`, `.json`): its filters
 * and `limit` read strictly; a view with a refused filter is a 400 problem, never a wider export.
 */
export function exportView(db: Connection, url: URL, format: 'csv' | 'json'): Response {
	const query = readExploreQuery(
		db,
		url.searchParams,
		{ limit: one(integer(1, 100_000_000)) },
		{ unknownNames: 'refuse' }
	);
	if (query.problems.length) return invalidParamsResponse(url.origin, query.problems);
	const { limit, ...filters } = query.values;
	return exportResponse(db, filters, url.origin, format, limit ?? undefined);
}
