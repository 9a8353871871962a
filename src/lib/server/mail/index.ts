/** The app's mail transport, chosen once from the configuration. */
import { config } from '../config';
import { db } from '../db';
import { outboxTransport, smtpTransport, type MailTransport } from './mail';
import { queuedTransport } from './queue';

// SMTP is queued and sent after the answer (mail/queue.ts): a mail server's tens of
// milliseconds must not show whether a message was sent. The development outbox is one local
// insert, as quick as queueing, and stays synchronous so that tests can read it at once.
export const mail: MailTransport = config.smtpUrl
	? queuedTransport(smtpTransport(config.smtpUrl, config.mailFrom))
	: outboxTransport(db);
