/**
 * The production server's primary process: migrations once, then one worker per core (`WORKERS`),
 * each running the adapter-node build on the shared port; a worker that dies is replaced. See
 * docs/decisions/026-workers.md.
 */
import cluster, { type Worker } from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../db/client';

/** Where adapter-node's build starts: it listens on `PORT` itself (in a worker, on the shared port). */
const buildEntry = 'build/index.js';

/**
 * How many worker processes to run: `WORKERS` when it is a whole number from 1 to 64, otherwise
 * one per core. Throws for a value that is set but not a number of workers, so a typo does not
 * silently run a different number.
 */
export function workerCount(setting: string | undefined, cores = availableParallelism()): number {
	if (setting === undefined || setting.trim() === '') return Math.max(1, cores);
	const n = Number(setting);
	if (!Number.isInteger(n) || n < 1 || n > 64) {
		throw new Error(`WORKERS must be a whole number from 1 to 64, not "${setting}"`);
	}
	return n;
}

/**
 * What every worker must share (set once here, inherited by replacements too): migrations are
 * done, and the device cookies' key (auth/device-cookie.ts) is the same in every process.
 */
export function workerEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
	return {
		DATABASE_MIGRATED: '1',
		DEVICE_COOKIE_KEY: env.DEVICE_COOKIE_KEY || randomBytes(32).toString('hex')
	};
}

/** Runs the server: in this process for one worker, else as the primary of `count` workers. */
export async function serve(env: NodeJS.ProcessEnv = process.env): Promise<void> {
	const count = workerCount(env.WORKERS);
	if (count === 1) {
		// Today's single process: it migrates and listens itself.
		await import(/* @vite-ignore */ pathToFileURL(resolve(buildEntry)).href);
		return;
	}
	// Before any worker opens the file: two migrating at once would both apply the same steps.
	openDatabase(env.DATABASE_PATH || 'data/recourse.db').$client.close();
	// Workers run plain node (not this script's loader) with the shared settings.
	cluster.setupPrimary({ exec: buildEntry, execArgv: [] });
	const shared = workerEnvironment(env);
	let stopping = false;
	const fork = () => cluster.fork(shared);
	const listened = new WeakSet<Worker>();
	cluster.on('listening', (worker) => listened.add(worker));
	cluster.on('exit', (worker, code, signal) => {
		if (stopping) {
			if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
			return;
		}
		const how = signal ? `signal ${signal}` : `code ${code}`;
		if (!listened.has(worker)) {
			// It never served: a bad setting or database, which a new worker would only repeat.
			console.error(`worker ${worker.process.pid} exited (${how}) before listening; stopping`);
			stop(1);
			return;
		}
		console.error(`worker ${worker.process.pid} exited (${how}); starting a new one`);
		fork();
	});
	const stop = (exitCode = 0) => {
		if (stopping) return;
		stopping = true;
		process.exitCode = exitCode;
		const running = Object.values(cluster.workers ?? {});
		if (running.length === 0) process.exit(exitCode);
		// Each worker stops taking connections, finishes the requests it has and exits (its open
		// link to the primary would keep it alive after adapter-node's own SIGTERM handling).
		// One that is still busy after adapter-node's shutdown timeout is stopped outright.
		for (const worker of running) worker?.disconnect();
		const grace = (Number(env.SHUTDOWN_TIMEOUT) || 30) * 1000 + 5000;
		setTimeout(() => {
			for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
		}, grace).unref();
	};
	process.on('SIGTERM', () => stop());
	process.on('SIGINT', () => stop());
	console.info(`primary ${process.pid}: starting ${count} workers`);
	for (let i = 0; i < count; i++) fork();
}
