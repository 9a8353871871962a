/**
 * Prints the newest message the development outbox holds for an address: without SMTP_URL, the
 * way to read the first administrator's sign-up link. Usage: npm run mail:outbox -- <email>
 */
import { openDatabase } from '../src/lib/server/db/client';
import { newestMailTo } from '../src/lib/server/mail/mail';

const [email] = process.argv.slice(2).filter((arg) => arg !== '--');
if (!email) {
	console.error('Usage: npm run mail:outbox -- <email>');
	process.exit(2);
}
const db = openDatabase(process.env.DATABASE_PATH || 'data/recourse.db');
const message = newestMailTo(db, email);
db.$client.close();
if (!message) {
	console.error(`The outbox holds no message for ${email}.`);
	process.exit(1);
}
console.log(`To: ${message.to}\nSubject: ${message.subject}\n\n${message.text}`);
