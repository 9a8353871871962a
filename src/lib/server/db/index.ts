/** The application's one database connection, opened (and migrated) when the server starts. */
import { building } from '$app/environment';
import { config } from '../config';
import { openDatabase, type Connection } from './client';

// `vite build` imports server modules to analyse them: it must not create or migrate a database.
export const db: Connection = building
	? (undefined as unknown as Connection)
	: openDatabase(config.databasePath, { migrate: !config.databaseMigrated });
export type { Db } from './client';
