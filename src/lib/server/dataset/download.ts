/** Serves a published dataset file: versioned addresses never change, so browsers and caches may keep them a year. */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ifNoneMatchHas } from '../http/caching';
import { findDatasetFile, readManifest } from './manifest';

/** A version's files never change: the address names the version, the ETag is the content's hash. */
export const immutableControl = 'public, max-age=31536000, immutable';

function answer(
	request: Request,
	headers: Record<string, string>,
	bytes: number,
	body: () => BodyInit
): Response {
	if (ifNoneMatchHas(request.headers.get('if-none-match'), headers.etag!)) {
		return new Response(null, { status: 304, headers });
	}
	const all = { ...headers, 'content-length': String(bytes) };
	return new Response(request.method === 'HEAD' ? null : body(), { headers: all });
}

/**
 * The answer to GET or HEAD of `/about/data/<version>/<file>`, or null when the version or the
 * file is not published (the name is looked up in the manifest, never joined onto a path).
 * `manifest.json` is the version's manifest: dates, counts and every file's SHA-256.
 */
export function datasetDownload(
	dir: string,
	version: string,
	name: string,
	request: Request
): Response | null {
	if (name === 'manifest.json') {
		const manifest = readManifest(dir, version);
		if (!manifest) return null;
		const bytes = readFileSync(join(dir, manifest.version, 'manifest.json'));
		return answer(
			request,
			{
				'content-type': 'application/json; charset=utf-8',
				'cache-control': immutableControl,
				etag: `"${createHash('sha256').update(bytes).digest('hex')}"`,
				'x-data-version': manifest.dataVersion
			},
			bytes.length,
			() => new Uint8Array(bytes)
		);
	}
	const found = findDatasetFile(dir, version, name);
	if (!found) return null;
	const { path, file, manifest } = found;
	return answer(
		request,
		{
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="recourse-${manifest.version}-${file.name}"`,
			'cache-control': immutableControl,
			etag: `"${file.sha256}"`,
			'x-data-version': manifest.dataVersion
		},
		file.bytes,
		() => Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>
	);
}
