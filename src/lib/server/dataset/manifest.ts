/** The published dataset as readers find it: its manifest, its licence, and which file a download address names. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The data's licence, stated on /about/data, in every manifest and in the OpenAPI document. */
export const dataLicence = {
	name: 'CC BY 4.0',
	/** The SPDX identifier, for tools that read licences. */
	spdx: 'CC-BY-4.0',
	url: 'https://creativecommons.org/licenses/by/4.0/',
	/** Records with source `cfpb` are the CFPB's, not ours to license. */
	note: 'Reports written on Recourse and everything derived from them: Creative Commons Attribution 4.0 International. Records with source "cfpb" come from the US Consumer Financial Protection Bureau\'s Consumer Complaint Database, a work of the US government in the public domain.'
} as const;

/** The dataset's name in citations and structured data: a title, as works keep theirs in every language. */
export const datasetTitle = 'Recourse public dataset';

export type DatasetFile = {
	/** The file's name in its version's folder and in its address. */
	name: string;
	/** The table it holds (`report`, `company`, …), or `database` for the SQLite file. */
	table: string;
	/** The media type of the file as stored: gzip-compressed CSV or SQLite. */
	contentType: 'application/gzip';
	/** Rows of the table (the CSV's lines after the header); for the database, every table's total. */
	rows: number;
	bytes: number;
	sha256: string;
};

export type DatasetManifest = {
	/** The folder and address segment, e.g. `2026-11-29T101500Z`: one per build, never reused. */
	version: string;
	/** When the snapshot was read (ISO 8601). */
	createdAt: string;
	/** The data version it was read at (src/lib/server/db/data-version.ts): what X-Data-Version says. */
	dataVersion: string;
	/** Spelt as in OpenAPI, schema.org and package manifests, where tools look for it. */
	license: typeof dataLicence;
	/** Rows per table. */
	tables: Record<string, number>;
	files: DatasetFile[];
};

/** A version's folder name: the build's UTC time, so that names sort in time order. */
export const versionPattern = /^\d{4}-\d{2}-\d{2}T\d{6}Z$/;

export function versionOf(now: Date): string {
	return now
		.toISOString()
		.replace(/:/g, '')
		.replace(/\.\d+Z$/, 'Z');
}

/** The published versions in `dir`, newest first (unfinished builds are hidden folders). */
export function listVersions(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((name) => versionPattern.test(name))
		.sort()
		.reverse();
}

/** The manifest of one published version, or null. */
export function readManifest(dir: string, version: string): DatasetManifest | null {
	if (!versionPattern.test(version)) return null;
	const file = join(dir, version, 'manifest.json');
	if (!existsSync(file)) return null;
	return JSON.parse(readFileSync(file, 'utf8')) as DatasetManifest;
}

/** The newest published version's manifest, or null when none was built yet. */
export function currentDataset(dir: string): DatasetManifest | null {
	for (const version of listVersions(dir)) {
		const manifest = readManifest(dir, version);
		if (manifest) return manifest;
	}
	return null;
}

/**
 * The file a download address names, found by looking its name up in the version's manifest
 * (never by joining what the address says onto a path): anything else, `../` included, is null.
 */
export function findDatasetFile(
	dir: string,
	version: string,
	name: string
): { path: string; file: DatasetFile; manifest: DatasetManifest } | null {
	const manifest = readManifest(dir, version);
	const file = manifest?.files.find((f) => f.name === name);
	if (!manifest || !file) return null;
	const path = join(dir, manifest.version, file.name);
	// Removed since the manifest was read (a newer build keeps only the last two).
	if (!existsSync(path) || !statSync(path).isFile()) return null;
	return { path, file, manifest };
}
