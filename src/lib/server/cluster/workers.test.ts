import { describe, expect, it } from 'vitest';
import { workerCount, workerEnvironment } from './workers';

describe('the number of workers (WORKERS)', () => {
	it('is one per core unless set', () => {
		expect(workerCount(undefined, 2)).toBe(2);
		expect(workerCount('', 8)).toBe(8);
		expect(workerCount(undefined, 0)).toBe(1);
	});

	it('is the setting when it is a whole number of workers', () => {
		expect(workerCount('1', 8)).toBe(1);
		expect(workerCount(' 3 ', 2)).toBe(3);
	});

	it('refuses a setting that is not a number of workers, naming it', () => {
		for (const setting of ['0', '-1', '1.5', 'two', '65', 'auto']) {
			expect(() => workerCount(setting, 2)).toThrow(
				`WORKERS must be a whole number from 1 to 64, not "${setting}"`
			);
		}
	});
});

describe('what every worker inherits from its primary', () => {
	it('says migrations are done and shares one device-cookie key, the given one if set', () => {
		const made = workerEnvironment({});
		expect(made.DATABASE_MIGRATED).toBe('1');
		expect(made.DEVICE_COOKIE_KEY).toMatch(/^[0-9a-f]{64}$/);
		expect(workerEnvironment({ DEVICE_COOKIE_KEY: 'ab'.repeat(32) }).DEVICE_COOKIE_KEY).toBe(
			'ab'.repeat(32)
		);
	});
});
