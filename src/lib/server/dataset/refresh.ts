/** The server's dataset refresh: what a daily job calls (the job runner registers it). */
import { env } from '$env/dynamic/private';
import { config } from '../config';
import { db } from '../db';
import { buildDataset } from './build';
import type { DatasetManifest } from './manifest';

/**
 * Builds a new version of the downloadable dataset from the server's database into
 * `DATASET_PATH`, keeping the previous one for readers still downloading it. Safe while the
 * server serves and writes: the build reads a snapshot on a connection of its own.
 */
export function refreshDataset(now = new Date()): Promise<DatasetManifest> {
	return buildDataset(db, config.datasetPath, now, {
		origin: env.ORIGIN || 'http://localhost:3000'
	});
}
