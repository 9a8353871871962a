/**
 * Sign-up by e-mail link: the form takes an address and a public name, and the address is mailed
 * a link to choose the password. A new address gets a fresh account behind that link; a taken one
 * gets a notice with a reset link instead. Both answer alike, so sign-up tells no one who has an
 * account, and no one can use an account at an address they cannot read
 * (docs/decisions/018-answers-that-tell-nothing.md).
 */
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Db } from '../db/client';
import { user } from '../db/schema';
import type { MailTransport } from '../mail/mail';
import { issueResetLink } from './password-reset';
import { createUser } from './users';

/** A password no one knows: the account opens only through the mailed link. */
function unknowablePassword(): string {
	const bytes = new Uint8Array(32);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/**
 * Creates the account if the address is free, then mails the address a link to choose its
 * password: a welcome to a new account, a notice to the owner of a taken one. Either way one
 * password hash, one link and one message: the same work on the request path.
 */
export async function requestSignUp(
	db: Db,
	mail: MailTransport,
	input: { email: string; displayName: string },
	origin: string,
	redirectTo: string | null,
	now = Date.now()
): Promise<void> {
	const email = input.email.trim().toLowerCase();
	const created = await createUser(
		db,
		{ email, password: unknowablePassword(), displayName: input.displayName },
		now
	);
	const account = created.ok
		? created.user
		: db.select({ id: user.id }).from(user).where(eq(user.email, email)).get();
	if (!account) return;
	const url = issueResetLink(db, account.id, origin, redirectTo, now);
	await mail.send(
		created.ok
			? { to: email, subject: m.mail_signup_subject(), text: m.mail_signup_text({ url }) }
			: {
					to: email,
					subject: m.mail_signup_taken_subject(),
					text: m.mail_signup_taken_text({ url, login: origin + localizeHref('/login') })
				}
	);
}
