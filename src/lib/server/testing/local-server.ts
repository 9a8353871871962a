/** What tests and benchmarks need to start the production server on loopback and act as a user of it. */
import { createSession, generateSessionToken } from '../auth/session';
import { createUser } from '../auth/users';
import type { Db } from '../db/client';

/**
 * The environment of a server on 127.0.0.1:`port` with its own database file: plain HTTP, and
 * rate limits off (one user files many reports, the API is asked without pause).
 */
export function localServerEnv(
	port: number,
	databasePath: string,
	extra: Record<string, string> = {}
): NodeJS.ProcessEnv {
	return {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: `http://127.0.0.1:${port}`,
		DATABASE_PATH: databasePath,
		SECURE_COOKIES: '0',
		RATE_LIMITS: 'off',
		...extra
	};
}

/** A new user with a session: the token to send as the session cookie. */
export async function signedInUser(db: Db, email: string, password: string): Promise<string> {
	const user = await createUser(db, { email, password });
	if (!user.ok) throw new Error(`could not create the user ${email}`);
	const token = generateSessionToken();
	createSession(db, token, user.user.id);
	return token;
}
