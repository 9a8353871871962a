/**
 * Gives an existing account a role: the only way to make the first administrator (there is no
 * default password). Usage: npm run admin:role -- <email> <user|moderator|admin>
 */
import { openDatabase } from '../src/lib/server/db/client';
import { isRole, setRole } from '../src/lib/server/auth/roles';

const [email, role] = process.argv.slice(2).filter((arg) => arg !== '--');
if (!email || !role || !isRole(role)) {
	console.error('Usage: npm run admin:role -- <email> <user|moderator|admin>');
	process.exit(2);
}
const file = process.env.DATABASE_PATH || 'data/recourse.db';
const db = openDatabase(file);
const result = setRole(db, {
	email,
	role,
	actorId: null,
	reason: 'command line (npm run admin:role)'
});
db.$client.close();
if (!result.ok) {
	console.error(`No account uses ${email}: sign up first, then run this again.`);
	process.exit(1);
}
console.log(`${email} is now ${role} (in ${file}).`);
