/** The app's mail transport, chosen once from the configuration. */
import { config } from '../config';
import { db } from '../db';
import { outboxTransport, smtpTransport, type MailTransport } from './mail';

export const mail: MailTransport = config.smtpUrl
	? smtpTransport(config.smtpUrl, config.mailFrom)
	: outboxTransport(db);
