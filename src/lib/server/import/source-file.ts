/** Opens an export file for streaming: a CSV as is, or the CSV inside a .zip (read with yauzl). */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

export type SourceFile = {
	stream: Readable;
	/** Bytes the stream will deliver (the uncompressed size inside a zip), for progress and ETA. */
	totalBytes: number;
	/** The file read: the path, or "archive.zip:complaints.csv". */
	name: string;
};

/** The CSV of a path: the file itself, or the first .csv entry of a .zip archive. */
export async function openSourceFile(path: string): Promise<SourceFile> {
	if (/\.zip$/i.test(path)) return openZippedCsv(path);
	const { size } = await stat(path);
	return {
		stream: createReadStream(path, { highWaterMark: 1 << 20 }),
		totalBytes: size,
		name: path
	};
}

function openZippedCsv(path: string): Promise<SourceFile> {
	return new Promise((resolve, reject) => {
		// lazyEntries: read the central directory one entry at a time; only one entry is inflated.
		yauzl.open(path, { lazyEntries: true, autoClose: true }, (error, zip) => {
			if (error || !zip) return reject(error ?? new Error(`Cannot open ${path}`));
			let found = false;
			zip.on('entry', (entry: yauzl.Entry) => {
				const isCsv =
					/\.csv$/i.test(entry.fileName) &&
					!entry.fileName.endsWith('/') &&
					!entry.fileName.startsWith('__MACOSX/');
				if (!isCsv) return zip.readEntry();
				found = true;
				zip.openReadStream(entry, (streamError, stream) => {
					if (streamError || !stream) {
						zip.close();
						return reject(streamError ?? new Error(`Cannot read ${entry.fileName}`));
					}
					// The archive closes itself once this stream ends (autoClose).
					resolve({
						stream,
						totalBytes: entry.uncompressedSize,
						name: `${path}:${entry.fileName}`
					});
				});
			});
			zip.on('end', () => {
				if (!found) reject(new Error(`${path} holds no .csv file`));
			});
			zip.on('error', reject);
			zip.readEntry();
		});
	});
}
