import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/client';
import { LoginThrottler, RateLimiter } from '../rate-limit';
import { createTestDb } from '../testing/db';
import { makeUser } from '../testing/factories';
import { issueDeviceToken } from './device-cookie';
import { attemptLogIn, type LoginLimits } from './sign-in';

const T0 = Date.UTC(2026, 10, 29, 12);
const password = 'correct horse battery';
let db: Connection;
let limits: LoginLimits;
beforeEach(() => {
	db = createTestDb();
	limits = {
		perAddress: new RateLimiter(30, 10 * 60_000),
		perAccount: new LoginThrottler(),
		perDevice: new LoginThrottler()
	};
});

/** An attacker guessing from 50 addresses, one guess each, within a minute. */
async function attackFrom50Addresses(email: string) {
	for (let i = 0; i < 50; i++) {
		await attemptLogIn(
			db,
			limits,
			{ email, password: `guess ${i}`, address: `203.0.113.${i}` },
			T0 + i * 1000
		);
	}
}

describe('log-in throttling (decision 021)', () => {
	it('does not keep the owner out of a browser they logged in from before', async () => {
		const owner = await makeUser(db);
		await attackFrom50Addresses(owner.email);
		const fromHome = await attemptLogIn(
			db,
			limits,
			{
				email: owner.email,
				password,
				address: '198.51.100.7',
				deviceCookie: issueDeviceToken(owner.id)
			},
			T0 + 60_000
		);
		expect(fromHome).toMatchObject({ ok: true, user: { id: owner.id } });
	});

	it('still slows every browser without the device cookie, even with the right password', async () => {
		const owner = await makeUser(db);
		const other = await makeUser(db);
		await attackFrom50Addresses(owner.email);
		const attempt = (deviceCookie?: string, address = '198.51.100.8') =>
			attemptLogIn(
				db,
				limits,
				{ email: owner.email, password, address, deviceCookie },
				T0 + 60_000
			);
		expect(await attempt()).toMatchObject({ ok: false, reason: 'account-locked' });
		// Another account's cookie, or a forged one, is no device of this account.
		expect(await attempt(issueDeviceToken(other.id))).toMatchObject({ reason: 'account-locked' });
		const [nonce] = issueDeviceToken(owner.id).split('.');
		expect(await attempt(`${nonce}.forged`)).toMatchObject({ reason: 'account-locked' });
	});

	it('slows guessing from a known browser on its own, without locking the account', async () => {
		const owner = await makeUser(db);
		const device = issueDeviceToken(owner.id);
		for (let i = 0; i < 4; i++) {
			await attemptLogIn(
				db,
				limits,
				{
					email: owner.email,
					password: `guess ${i}`,
					address: '198.51.100.9',
					deviceCookie: device
				},
				T0
			);
		}
		expect(
			await attemptLogIn(
				db,
				limits,
				{ email: owner.email, password, address: '198.51.100.9', deviceCookie: device },
				T0
			)
		).toEqual({ ok: false, reason: 'account-locked', retryAfterSeconds: 1 });
		expect(
			await attemptLogIn(db, limits, { email: owner.email, password, address: '192.0.2.1' }, T0)
		).toMatchObject({ ok: true });
	});

	it('limits one address across accounts', async () => {
		for (let i = 0; i < 30; i++) {
			await attemptLogIn(
				db,
				limits,
				{ email: `nobody${i}@example.test`, password, address: '203.0.113.1' },
				T0
			);
		}
		expect(
			await attemptLogIn(
				db,
				limits,
				{ email: 'nobody@example.test', password, address: '203.0.113.1' },
				T0
			)
		).toEqual({ ok: false, reason: 'address-limited', retryAfterSeconds: 600 });
	});
});
