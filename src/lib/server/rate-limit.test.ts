import { describe, expect, it } from 'vitest';
import { LoginThrottler, RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
	it('allows the limit per window, then says how long to wait', () => {
		const limiter = new RateLimiter(3, 60_000);
		const t = Date.UTC(2026, 0, 1);
		expect([1, 2, 3].map((i) => limiter.consume('a', t + i).ok)).toEqual([true, true, true]);
		expect(limiter.consume('a', t + 10_000)).toEqual({ ok: false, retryAfterSeconds: 51 });
		expect(limiter.consume('b', t + 10_000).ok).toBe(true);
		expect(limiter.consume('a', t + 60_002).ok).toBe(true);
	});

	it('checks without counting, and counts only what is recorded', () => {
		const limiter = new RateLimiter(2, 60_000);
		const t = Date.UTC(2026, 0, 1);
		for (let i = 0; i < 25; i++) expect(limiter.check('a', t + i).ok).toBe(true);
		limiter.record('a', t + 30);
		limiter.record('a', t + 31);
		expect(limiter.check('a', t + 32)).toEqual({ ok: false, retryAfterSeconds: 60 });
	});
});

describe('LoginThrottler', () => {
	it('slows each failed attempt more, up to a lock, and forgets on success', () => {
		const throttle = new LoginThrottler();
		const t = Date.UTC(2026, 0, 1);
		throttle.fail('ana', t);
		throttle.fail('ana', t);
		expect(throttle.wait('ana', t)).toBe(0);
		throttle.fail('ana', t);
		expect(throttle.wait('ana', t)).toBe(1);
		for (let i = 0; i < 20; i++) throttle.fail('ana', t);
		expect(throttle.wait('ana', t)).toBe(900);
		expect(throttle.wait('ana', t + 900_000)).toBe(0);
		throttle.succeed('ana');
		throttle.fail('ana', t);
		expect(throttle.wait('ana', t)).toBe(0);
	});

	// Before: failures were never forgotten, and the map of accounts only grew.
	it('forgets failures a day after the last one, and drops forgotten keys when full', () => {
		const throttle = new LoginThrottler();
		const t = Date.UTC(2026, 0, 1);
		for (let i = 0; i < 20; i++) throttle.fail('ana', t);
		const dayLater = t + LoginThrottler.forgetAfterMs;
		// The next typo a day later is a first mistake again, not the 21st.
		throttle.fail('ana', dayLater);
		expect(throttle.wait('ana', dayLater)).toBe(0);
		for (let i = 0; i < 50_001; i++) throttle.fail(`guess-${i}`, t);
		expect(throttle.size).toBeGreaterThan(50_000);
		throttle.fail('bea', dayLater);
		expect(throttle.size).toBe(2);
	});
});
