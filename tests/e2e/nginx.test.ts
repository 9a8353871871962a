/**
 * The nginx configuration in deploy/nginx, run as it is in front of the production build: TLS,
 * compression, static files from disk, and a proxy cache that serves hits, revalidates when the
 * data changes, and never keeps a signed-in page. nginx runs as an ordinary process on loopback,
 * with its files under tests/e2e/.data/nginx (Debian's package; .ci/run installs it).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { createSession, generateSessionToken } from '../../src/lib/server/auth/session';
import { createUser } from '../../src/lib/server/auth/users';
import { openDatabase } from '../../src/lib/server/db/client';
import { createReport } from '../../src/lib/server/reports/reports';
import { reportInput } from '../../src/lib/server/testing/factories';
import { expect, test, uniqueEmail } from './fixtures';

// Beside the suite's server (E2E_PORT), so that checkouts side by side do not collide.
const suitePort = Number(process.env.E2E_PORT ?? 4173);
const appPort = suitePort + 50;
const httpsPort = suitePort + 51;
const origin = `https://localhost:${httpsPort}`;
const nginxBinary = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const repo = resolve('.');
const dir = resolve('tests/e2e/.data/nginx');
const databasePath = `${dir}/app.db`;

/** The test's own top level: ports and paths; everything else is deploy/nginx as shipped. */
function nginxConf(): string {
	// Run by root, the workers would otherwise switch to `nobody`, who cannot write here.
	const user = process.getuid?.() === 0 ? 'user root;' : '';
	return `${user}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log stderr warn;
events { worker_connections 256; }
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	access_log off;
	client_body_temp_path ${dir}/temp/body;
	proxy_temp_path ${dir}/temp/proxy;
	fastcgi_temp_path ${dir}/temp/fastcgi;
	uwsgi_temp_path ${dir}/temp/uwsgi;
	scgi_temp_path ${dir}/temp/scgi;
	upstream recourse {
		server 127.0.0.1:${appPort};
		keepalive 8;
	}
	proxy_cache_path ${dir}/cache levels=1:2 keys_zone=recourse:1m max_size=64m inactive=10m use_temp_path=off;
	include ${repo}/deploy/nginx/recourse-http.conf;
	server {
		listen 127.0.0.1:${httpsPort} ssl http2;
		server_name localhost;
		ssl_certificate ${dir}/cert.pem;
		ssl_certificate_key ${dir}/key.pem;
		root ${repo}/build/client;
		include ${repo}/deploy/nginx/recourse-server.conf;
	}
}
`;
}

async function withAppDb<T>(work: (db: ReturnType<typeof openDatabase>) => Promise<T>) {
	const db = openDatabase(databasePath);
	try {
		return await work(db);
	} finally {
		db.$client.close();
	}
}

/** Files a report in the app's database, as another process (a worker, an import) would. */
function fileReport(title: string) {
	return withAppDb(async (db) => {
		const author = await createUser(db, {
			email: uniqueEmail('nginx'),
			password: 'long password x'
		});
		if (!author.ok) throw new Error('no user');
		const result = createReport(
			db,
			reportInput({ company: 'Proxy Power', website: 'proxy-power.example', title }),
			author.user.id
		);
		if (!result.ok) throw new Error('no report');
	});
}

/** Asks `path` until nginx answers with the wanted cache status; returns that response. */
async function untilCacheStatus(client: APIRequestContext, path: string, status: string) {
	let body = '';
	await expect(async () => {
		const response = await client.get(path);
		expect(response.status()).toBe(200);
		expect(response.headers()['x-cache-status']).toBe(status);
		body = await response.text();
	}).toPass();
	return body;
}

let app: ChildProcess | undefined;
let nginx: ChildProcess | undefined;
let client: APIRequestContext;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ playwright }) => {
	test.setTimeout(90_000);
	expect(existsSync(nginxBinary), `nginx at ${nginxBinary} (apt-get install -y nginx)`).toBe(true);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(`${dir}/temp`, { recursive: true });
	execFileSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-days',
			'2',
			'-subj',
			'/CN=localhost',
			'-keyout',
			`${dir}/key.pem`,
			'-out',
			`${dir}/cert.pem`
		],
		{ stdio: 'ignore' }
	);
	writeFileSync(`${dir}/nginx.conf`, nginxConf());
	app = spawn(process.execPath, ['build'], {
		env: {
			...process.env,
			PORT: String(appPort),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATABASE_PATH: databasePath,
			ADDRESS_HEADER: 'x-forwarded-for',
			// Short, so that revalidation happens within the test; production keeps the default.
			CACHE_SHARED_SECONDS: '1',
			CACHE_STALE_SECONDS: '0'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const direct = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${appPort}` });
	try {
		await expect
			.poll(async () => (await direct.get('/status').catch(() => null))?.status(), {
				timeout: 60_000
			})
			.toBe(200);
	} finally {
		await direct.dispose();
	}
	nginx = spawn(
		nginxBinary,
		['-p', `${dir}/`, '-c', `${dir}/nginx.conf`, '-e', 'stderr', '-g', 'daemon off;'],
		{ stdio: ['ignore', 'ignore', 'inherit'] }
	);
	client = await playwright.request.newContext({ baseURL: origin, ignoreHTTPSErrors: true });
	await expect
		.poll(async () => (await client.get('/status').catch(() => null))?.status(), {
			timeout: 30_000
		})
		.toBe(200);
});

test.afterAll(async () => {
	await client?.dispose();
	nginx?.kill();
	app?.kill();
});

test('an anonymous page is served from the cache, compressed, over TLS', async () => {
	const body = await untilCacheStatus(client, '/companies', 'HIT');
	expect(body).toContain('<h1');
	const hit = await client.get('/companies', { headers: { 'accept-encoding': 'gzip' } });
	expect(hit.url()).toMatch(/^https:/);
	expect(hit.headers()['content-encoding']).toBe('gzip');
	expect(hit.headers()['etag']).toMatch(/^W\//);
	expect(hit.headers()['cache-control']).toContain('s-maxage=1');
	expect(hit.headers()['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
});

test('an expired entry is revalidated by ETag, and a new report shows once it is filed', async () => {
	// Nothing changed: the server answers nginx's If-None-Match with 304.
	await untilCacheStatus(client, '/', 'REVALIDATED');
	const before = await untilCacheStatus(client, '/', 'HIT');
	const title = `Filed behind the proxy ${Date.now().toString(36)}`;
	expect(before).not.toContain(title);
	await fileReport(title);
	await expect.poll(async () => (await (await client.get('/')).text()).includes(title)).toBe(true);
	// And the new page is what the cache now serves.
	expect(await untilCacheStatus(client, '/', 'HIT')).toContain(title);
});

test('a signed-in page is never cached, nor served to anyone else', async ({ playwright }) => {
	const token = generateSessionToken();
	const name = await withAppDb(async (db) => {
		const user = await createUser(db, { email: uniqueEmail('nginx'), password: 'long password x' });
		if (!user.ok) throw new Error('no user');
		createSession(db, token, user.user.id);
		return user.user.displayName;
	});
	// The anonymous page is in the cache first: the signed-in visitor must not get it.
	await untilCacheStatus(client, '/companies', 'HIT');
	const signedIn = await playwright.request.newContext({
		baseURL: origin,
		ignoreHTTPSErrors: true,
		extraHTTPHeaders: { cookie: `session=${token}` }
	});
	try {
		for (let i = 0; i < 3; i++) {
			const response = await signedIn.get('/companies');
			expect(response.status()).toBe(200);
			expect(response.headers()['x-cache-status']).toBe('BYPASS');
			expect(response.headers()['cache-control']).toBe('private, no-store');
			expect(await response.text()).toContain(name);
		}
	} finally {
		await signedIn.dispose();
	}
	const anonymous = await client.get('/companies');
	expect(anonymous.headers()['x-cache-status']).not.toBe('BYPASS');
	expect(await anonymous.text()).not.toContain(name);
});

test('hashed assets come from disk, precompressed, kept for a year', async () => {
	const html = await (await client.get('/explore')).text();
	const script = /src="([^"]*typed-early[^"]*\.js)"/.exec(html)?.[1];
	expect(script).toMatch(/^\/_app\/immutable\//);
	const asset = await client.get(script!, { headers: { 'accept-encoding': 'gzip' } });
	expect(asset.status()).toBe(200);
	expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
	expect(asset.headers()['content-encoding']).toBe('gzip');
	// Not proxied: no cache status.
	expect(asset.headers()['x-cache-status']).toBeUndefined();
	expect(await asset.text()).toContain('__keepTypedEarly');
});
