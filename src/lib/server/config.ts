/** Runtime configuration from the environment, with defaults that work on a fresh machine. */
import { dev } from '$app/environment';
import { env } from '$env/dynamic/private';

export const config = {
	/** SQLite database file; created with its folder on first start. */
	databasePath: env.DATABASE_PATH || 'data/recourse.db',
	/** Set by the primary of several workers, which migrated the file before starting them. */
	databaseMigrated: env.DATABASE_MIGRATED === '1',
	/** Device cookies' key (hex), shared by workers; without it, random per process (decision 021). */
	deviceCookieKey: env.DEVICE_COOKIE_KEY || null,
	/** WORKER_HEADER=1 names the answering process in `x-worker-pid`: for tests only. */
	workerHeader: env.WORKER_HEADER === '1',
	/** Secure cookies everywhere but plain-HTTP development and tests. */
	secureCookies: (env.SECURE_COOKIES ?? (dev ? '0' : '1')) !== '0',
	/** RATE_LIMITS=off disables rate limits: for load tests only, never in production. */
	rateLimits: env.RATE_LIMITS !== 'off',
	/** SMTP server as a URL (smtp:// or smtps://); without it, mail goes to the outbox table. */
	smtpUrl: env.SMTP_URL || null,
	/** Sender of every message. */
	mailFrom: env.MAIL_FROM || 'Recourse <no-reply@recourse.invalid>',
	/** Where `npm run dataset:build` and the daily refresh publish the downloadable dataset. */
	datasetPath: env.DATASET_PATH || 'data/dataset',
	/** How long a shared cache (nginx, a CDN) may serve an anonymous read without asking again. */
	cacheSharedSeconds: wholeNumber(env.CACHE_SHARED_SECONDS, 10),
	/** How long past that it may serve it while it asks (stale-while-revalidate). */
	cacheStaleSeconds: wholeNumber(env.CACHE_STALE_SECONDS, 30),
	/** Memory per worker for whole anonymous responses kept until the data changes; 0 turns it off. */
	responseCacheBytes: wholeNumber(env.RESPONSE_CACHE_MB, 64) * 2 ** 20,
	/** How often each process looks for due jobs (src/lib/server/jobs); 0 turns its runner off. */
	jobsIntervalMs: wholeNumber(env.JOBS_INTERVAL_SECONDS, 60) * 1000,
	/** The site's address for links in mail sent without a request (jobs, daily digests); adapter-node's ORIGIN. */
	origin: (env.ORIGIN || 'http://localhost:5173').replace(/\/+$/, '')
};

function wholeNumber(value: string | undefined, fallback: number): number {
	const n = Number(value);
	return value !== undefined && value !== '' && Number.isInteger(n) && n >= 0 ? n : fallback;
}
