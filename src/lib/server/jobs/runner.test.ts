import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { job } from '../db/schema';
import { outboxTransport } from '../mail/mail';
import { createTestDb } from '../testing/db';
import { JobRegistry, claimDueJobs, nextDailyAt, runDueJobs, scheduleJob } from './runner';

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const HOUR = 3_600_000;

/** A registry whose kinds write down each run, so a test sees what ran and how often. */
function recording() {
	const runs: { kind: string; payload: Record<string, unknown>; now: number }[] = [];
	const registry = new JobRegistry()
		.define('once', ({ now }, payload) => {
			runs.push({ kind: 'once', payload, now });
		})
		.every('hourly', HOUR, ({ now }) => {
			runs.push({ kind: 'hourly', payload: {}, now });
		});
	return { runs, registry };
}

const context = (db: ReturnType<typeof openDatabase>) => ({
	db,
	mail: outboxTransport(db),
	origin: 'http://localhost'
});

describe('the job runner', () => {
	it('runs a scheduled job once, when it is due', async () => {
		const db = createTestDb();
		const { runs, registry } = recording();
		scheduleJob(db, 'once', { dueAt: NOW + HOUR, payload: { reportId: 7 } });
		await runDueJobs(context(db), registry, NOW);
		expect(runs.filter((r) => r.kind === 'once')).toEqual([]);
		await runDueJobs(context(db), registry, NOW + HOUR);
		await runDueJobs(context(db), registry, NOW + 2 * HOUR);
		expect(runs.filter((r) => r.kind === 'once')).toEqual([
			{ kind: 'once', payload: { reportId: 7 }, now: NOW + HOUR }
		]);
		expect(db.select({ state: job.state }).from(job).all()).toContainEqual({ state: 'done' });
	});

	it('survives a restart: a new runner on the same file runs the job exactly once', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'recourse-jobs-'));
		const file = join(dir, 'jobs.db');
		const first = openDatabase(file);
		scheduleJob(first, 'once', { dueAt: NOW + HOUR, key: 'letter:1' });
		// Scheduling the same key again (a second worker, a retry) keeps one job.
		scheduleJob(first, 'once', { dueAt: NOW + HOUR, key: 'letter:1' });
		first.$client.close();

		const restarted = openDatabase(file);
		const { runs, registry } = recording();
		await runDueJobs(context(restarted), registry, NOW + HOUR);
		await runDueJobs(context(restarted), registry, NOW + 3 * HOUR);
		restarted.$client.close();
		const again = openDatabase(file);
		await runDueJobs(context(again), recording().registry, NOW + 5 * HOUR);
		again.$client.close();
		expect(runs.filter((r) => r.kind === 'once')).toHaveLength(1);
	});

	it('gives each due job to one of two runners racing on one file', () => {
		const dir = mkdtempSync(join(tmpdir(), 'recourse-jobs-'));
		const file = join(dir, 'jobs.db');
		const a = openDatabase(file);
		const b = openDatabase(file);
		for (let i = 0; i < 40; i++) scheduleJob(a, 'once', { dueAt: NOW, payload: { i } });
		const claimed: number[] = [];
		// Alternate claims of a few at a time, as two processes' loops interleave.
		for (let round = 0; round < 10; round++) {
			for (const conn of [a, b]) {
				claimed.push(...claimDueJobs(conn, ['once'], NOW, 3).map((row) => row.id));
			}
		}
		a.$client.close();
		b.$client.close();
		expect(claimed).toHaveLength(40);
		expect(new Set(claimed).size).toBe(40);
	});

	it('re-arms a recurring job after each run instead of running it twice', async () => {
		const db = createTestDb();
		const { runs, registry } = recording();
		await runDueJobs(context(db), registry, NOW);
		await runDueJobs(context(db), registry, NOW + HOUR / 2);
		await runDueJobs(context(db), registry, NOW + HOUR);
		expect(runs.filter((r) => r.kind === 'hourly').map((r) => r.now)).toEqual([NOW, NOW + HOUR]);
		expect(db.select().from(job).all()).toHaveLength(1);
		// An extra run asked for now runs once and does not become a second schedule.
		scheduleJob(db, 'hourly', { dueAt: NOW + HOUR });
		await runDueJobs(context(db), registry, NOW + HOUR + 1);
		await runDueJobs(context(db), registry, NOW + HOUR + 2);
		expect(runs.filter((r) => r.kind === 'hourly')).toHaveLength(3);
		expect(db.select({ state: job.state }).from(job).orderBy(job.id).all()).toEqual([
			{ state: 'due' },
			{ state: 'done' }
		]);
	});

	it('starts a daily job at its hour, not when a fresh server first looks', async () => {
		const db = createTestDb();
		const ran: number[] = [];
		const registry = new JobRegistry().daily('nightly', ({ now }) => void ran.push(now), {
			atHourUtc: 2
		});
		// NOW is 12:00 UTC: nothing before tomorrow 02:00, then once.
		await runDueJobs(context(db), registry, NOW);
		await runDueJobs(context(db), registry, NOW + 13 * HOUR);
		expect(ran).toEqual([]);
		await runDueJobs(context(db), registry, NOW + 14 * HOUR);
		await runDueJobs(context(db), registry, NOW + 15 * HOUR);
		expect(ran).toEqual([NOW + 14 * HOUR]);
	});

	it('takes back a job whose process stopped while running it, after the lease', async () => {
		const db = createTestDb();
		const { runs, registry } = recording();
		scheduleJob(db, 'once', { dueAt: NOW });
		expect(claimDueJobs(db, ['once'], NOW)).toHaveLength(1);
		await runDueJobs(context(db), registry, NOW + 60_000);
		expect(runs).not.toContainEqual(expect.objectContaining({ kind: 'once' }));
		await runDueJobs(context(db), registry, NOW + HOUR);
		expect(runs.filter((r) => r.kind === 'once')).toHaveLength(1);
	});

	it('retries a failing job later and keeps its error', async () => {
		const db = createTestDb();
		let calls = 0;
		const registry = new JobRegistry().define('flaky', () => {
			calls += 1;
			if (calls === 1) throw new Error('mail server down');
		});
		scheduleJob(db, 'flaky', { dueAt: NOW });
		const quiet = console.error;
		console.error = () => {};
		try {
			await runDueJobs(context(db), registry, NOW);
		} finally {
			console.error = quiet;
		}
		expect(db.select().from(job).get()).toMatchObject({
			state: 'due',
			lastError: 'mail server down'
		});
		await runDueJobs(context(db), registry, NOW + HOUR);
		expect(calls).toBe(2);
		expect(db.select().from(job).get()?.state).toBe('done');
	});

	it('finds the next daily hour', () => {
		expect(nextDailyAt(NOW, 3)).toBe(Date.UTC(2026, 10, 30, 3));
		expect(nextDailyAt(NOW, 13)).toBe(Date.UTC(2026, 10, 29, 13));
	});
});
