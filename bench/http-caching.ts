/**
 * Effect of compression and of 304 revalidation on a running server: bytes per response and
 * requests/s with and without Accept-Encoding, and with If-None-Match.
 * Usage: npx tsx bench/http-caching.ts --url http://127.0.0.1:4660 [--seconds 8] [--connections 20]
 */
import { get } from 'node:http';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values: args } = parseArgs({
	options: {
		url: { type: 'string', default: 'http://127.0.0.1:3000' },
		seconds: { type: 'string', default: '8' },
		connections: { type: 'string', default: '20' },
		company: { type: 'string', default: '' }
	}
});
const base = args.url!;
const routes = [
	'/status',
	'/',
	'/companies',
	'/api/v1/reports?limit=50',
	'/explore?category=billing-error'
];
if (args.company) routes.splice(2, 0, `/companies/${args.company}`);

/** Bytes on the wire (node:http does not decode), time to the last byte, and the ETag. */
function bytes(path: string, encoding: string | null) {
	const started = performance.now();
	return new Promise<{ bytes: number; ms: number; etag: string | null }>((resolve, reject) => {
		get(base + path, { headers: encoding ? { 'accept-encoding': encoding } : {} }, (response) => {
			let n = 0;
			response.on('data', (chunk: Buffer) => (n += chunk.length));
			response.on('end', () =>
				resolve({
					bytes: n,
					ms: performance.now() - started,
					etag: (response.headers.etag as string | undefined) ?? null
				})
			);
			response.on('error', reject);
		}).on('error', reject);
	});
}

async function rate(path: string, headers: Record<string, string>) {
	const result = await autocannon({
		url: base + path,
		connections: Number(args.connections),
		duration: Number(args.seconds),
		headers
	});
	return {
		rps: Math.round(result.requests.average),
		p95: result.latency.p97_5,
		non2xx: result.non2xx
	};
}

console.log(
	`| route | identity B | gzip B | br B | req/s identity | req/s gzip | req/s br | req/s 304 |`
);
console.log(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
for (const path of routes) {
	const plain = await bytes(path, null);
	const gzip = await bytes(path, 'gzip');
	const br = await bytes(path, 'br');
	const r1 = await rate(path, {});
	const r2 = await rate(path, { 'accept-encoding': 'gzip' });
	const r3 = await rate(path, { 'accept-encoding': 'br' });
	const r4 = await rate(path, { 'if-none-match': plain.etag ?? '' });
	console.log(
		`| \`${path}\` | ${plain.bytes} | ${gzip.bytes} | ${br.bytes} | ${r1.rps} | ${r2.rps} | ${r3.rps} | ${r4.rps} |`
	);
}
for (const encoding of [null, 'gzip', 'br']) {
	const full = await bytes('/explore/export.csv', encoding);
	console.log(
		`full CSV export, ${encoding ?? 'identity'}: ${full.bytes} bytes in ${Math.round(full.ms)} ms`
	);
}
