/**
 * Outgoing mail behind one small interface: SMTP when configured, otherwise a development
 * outbox in the database (viewable by administrators at /admin/outbox), so that every flow
 * that mails a code or a link works and is testable on one machine.
 */
import { desc, eq, lt } from 'drizzle-orm';
import { createTransport } from 'nodemailer';
import type { Db } from '../db/client';
import { mailOutbox } from '../db/schema';

export type MailMessage = {
	to: string;
	subject: string;
	text: string;
	/** Extra headers SMTP sends (List-Unsubscribe); the outbox keeps only the message. */
	headers?: Record<string, string>;
};

export interface MailTransport {
	send(message: MailMessage): Promise<void>;
}

/** Keeps every message in the `mail_outbox` table instead of sending it. */
export function outboxTransport(db: Db, now: () => number = Date.now): MailTransport {
	return {
		async send(message) {
			db.insert(mailOutbox)
				.values({ to: message.to, subject: message.subject, text: message.text, createdAt: now() })
				.run();
		}
	};
}

/** Sends through an SMTP server given as a URL, e.g. `smtps://user:pass@smtp.example:465`. */
export function smtpTransport(url: string, from: string): MailTransport {
	const transporter = createTransport(url);
	return {
		async send(message) {
			await transporter.sendMail({ from, ...message });
		}
	};
}

/** The newest messages of the development outbox, keyset-paginated by id. */
export function listOutbox(db: Db, options: { before?: number | null; limit?: number } = {}) {
	const limit = options.limit ?? 50;
	const rows = db
		.select()
		.from(mailOutbox)
		.where(options.before ? lt(mailOutbox.id, options.before) : undefined)
		.orderBy(desc(mailOutbox.id))
		.limit(limit + 1)
		.all();
	const page = rows.slice(0, limit);
	return { messages: page, next: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}

/** The newest message the development outbox holds for an address (the command line's way in). */
export function newestMailTo(db: Db, address: string) {
	return db
		.select()
		.from(mailOutbox)
		.where(eq(mailOutbox.to, address.trim().toLowerCase()))
		.orderBy(desc(mailOutbox.id))
		.get();
}
