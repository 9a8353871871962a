import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { createUser } from '../../src/lib/server/auth/users';
import { openDatabase } from '../../src/lib/server/db/client';
import { databasePath, expect, test, uniqueEmail } from './fixtures';

/** A browser without JavaScript: form posts answered with pages and redirects. */
function browserLike(baseURL: string) {
	return playwrightRequest.newContext({
		baseURL,
		maxRedirects: 0,
		extraHTTPHeaders: { accept: 'text/html', origin: baseURL }
	});
}

const logIn = (context: APIRequestContext, email: string, password: string, path = '/login') =>
	context.post(path, { form: { email, password } });

test('an attacker who fails log-ins locks only browsers the owner never used', async ({
	baseURL
}) => {
	const email = uniqueEmail('owner');
	const password = 'the owner knows this one';
	const db = openDatabase(databasePath);
	try {
		expect((await createUser(db, { email, password })).ok).toBe(true);
	} finally {
		db.$client.close();
	}
	const owner = await browserLike(baseURL!);
	const attacker = await browserLike(baseURL!);

	// The owner logs in once from their own browser, then logs out.
	expect((await logIn(owner, email, password)).status()).toBe(303);
	expect((await owner.post('/logout', { form: {} })).status()).toBe(303);

	// The attacker guesses until the account makes them wait at least 8 seconds, waiting out each
	// shorter pause as the server asks (Retry-After), so every guess is a real one.
	let retryAfter = 0;
	for (let guess = 1; retryAfter < 8; guess++) {
		expect(guess, 'the account never slowed the attacker down').toBeLessThan(20);
		const answer = await logIn(attacker, email, `wrong guess ${guess}`);
		if (answer.status() === 400) continue;
		expect(answer.status()).toBe(429);
		retryAfter = Number(answer.headers()['retry-after']);
		if (retryAfter < 8) await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
	}

	// Even the right password does not get a browser the owner never used past the pause, and
	// the reader is told why, and what the owner can do, in their language.
	const refused = await logIn(attacker, email, password, '/de/login');
	expect(refused.status()).toBe(429);
	const page = await refused.text();
	expect(page).toContain('Zu viele fehlgeschlagene Anmeldungen für dieses Konto');
	expect(page).toContain('von einem Browser aus anmelden, mit dem Sie sich schon einmal');
	expect(refused.headers()['set-cookie'] ?? '').not.toContain('session=');

	// The owner's browser is known: the attack does not keep them out.
	const back = await logIn(owner, email, password);
	expect(back.status()).toBe(303);
	expect(back.headers()['set-cookie']).toContain('session=');

	await owner.dispose();
	await attacker.dispose();
});
