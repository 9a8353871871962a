/**
 * In-process rate limits and log-in throttling (one server process owns the SQLite file, so
 * memory is the right place for counters that may be lost on restart).
 */

/** At most `limit` events per key in any `windowMs`; reports how long to wait when over. */
export class RateLimiter {
	private readonly hits = new Map<string, number[]>();

	constructor(
		private readonly limit: number,
		private readonly windowMs: number
	) {}

	/** Records an event; `ok: false` (and nothing recorded) when the key is over its limit. */
	consume(key: string, now = Date.now()): { ok: true } | { ok: false; retryAfterSeconds: number } {
		const allowed = this.check(key, now);
		if (allowed.ok) this.record(key, now);
		return allowed;
	}

	/**
	 * Whether one more event is allowed now, recording nothing: for limits that count only
	 * what succeeds (check first, `record` after the success).
	 */
	check(key: string, now = Date.now()): { ok: true } | { ok: false; retryAfterSeconds: number } {
		const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
		this.hits.set(key, recent);
		if (recent.length < this.limit) return { ok: true };
		return { ok: false, retryAfterSeconds: Math.ceil((recent[0]! + this.windowMs - now) / 1000) };
	}

	/** Records an event (after `check` allowed it and it succeeded). */
	record(key: string, now = Date.now()): void {
		const recent = this.hits.get(key) ?? [];
		recent.push(now);
		this.hits.set(key, recent);
		if (this.hits.size > 50_000) this.prune(now);
	}

	private prune(now: number) {
		for (const [key, times] of this.hits) {
			if (!times.some((t) => t > now - this.windowMs)) this.hits.delete(key);
		}
	}
}

/**
 * Log-in throttling per account: two typing mistakes are free, then each failure makes the
 * next attempt wait longer (1 s, 2 s, 4 s … up to 15 minutes, the lock); a success clears it.
 * Failures are forgotten a day after the last one, so that neither a key's count nor the map
 * grows for ever (a month of scattered typos is not a guessing attack).
 */
export class LoginThrottler {
	private readonly state = new Map<string, { failures: number; until: number; last: number }>();
	private static readonly delays = [0, 0, 0, 1, 2, 4, 8, 16, 30, 60, 180, 300, 900];
	static readonly forgetAfterMs = 24 * 60 * 60_000;

	/** Seconds to wait before this key may try again (0 when it may try now). */
	wait(key: string, now = Date.now()): number {
		const s = this.state.get(key);
		return s && s.until > now ? Math.ceil((s.until - now) / 1000) : 0;
	}

	fail(key: string, now = Date.now()): void {
		const previous = this.state.get(key);
		const remembered = previous && now - previous.last < LoginThrottler.forgetAfterMs;
		const failures = (remembered ? previous.failures : 0) + 1;
		const delays = LoginThrottler.delays;
		const seconds = delays[Math.min(failures, delays.length - 1)]!;
		this.state.set(key, { failures, until: now + seconds * 1000, last: now });
		if (this.state.size > 50_000) this.prune(now);
	}

	succeed(key: string): void {
		this.state.delete(key);
	}

	/** How many keys are remembered (tests). */
	get size(): number {
		return this.state.size;
	}

	private prune(now: number) {
		for (const [key, s] of this.state) {
			if (now - s.last >= LoginThrottler.forgetAfterMs) this.state.delete(key);
		}
	}
}

/** The rate limits of the site, one place to read and tune them (input lengths are `limits` in validation/report.ts). */
export const rateLimits = {
	/** Log-in (decision 021), `attemptLogIn` in auth/sign-in.ts. */
	login: {
		/** Attempts from one address, whatever the account (browsers without a device cookie). */
		perAddress: new RateLimiter(30, 10 * 60_000),
		/** Failed log-ins to one account from browsers without its device cookie. */
		perAccount: new LoginThrottler(),
		/** Failed log-ins from one browser holding the account's device cookie. */
		perDevice: new LoginThrottler()
	},
	signupPerAddress: new RateLimiter(10, 60 * 60_000),
	/** Reports published: only accepted ones count (a refused form costs nothing, issue 21). */
	reportsPerUser: new RateLimiter(20, 60 * 60_000),
	/**
	 * Every post of the report form (previews, refused ones): a cheap bound on the work of
	 * parsing, redaction and Markdown, well above what a person filling the form ever sends.
	 */
	reportFormPostsPerUser: new RateLimiter(300, 60 * 60_000),
	flagsPerUser: new RateLimiter(20, 60 * 60_000),
	resetPerAddress: new RateLimiter(10, 60 * 60_000),
	apiPerAddress: new RateLimiter(600, 60_000)
};
