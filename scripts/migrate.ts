/** Applies pending migrations to the database named by DATABASE_PATH (the app also does this on start). */
import { openDatabase } from '../src/lib/server/db/client';

const file = process.env.DATABASE_PATH || 'data/recourse.db';
openDatabase(file).$client.close();
console.log(`Migrated ${file}`);
