/** The application's one database connection, opened (and migrated) on first import. */
import { config } from '../config';
import { openDatabase } from './client';

export const db = openDatabase(config.databasePath);
export type { Db } from './client';
