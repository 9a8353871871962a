/**
 * The kinds of job the app runs (see runner.ts). Registering one is one call here, e.g.
 * `jobKinds.daily('company-digest', sendDigests, { atHourUtc: 6 })`.
 */
import { sendDailyDigests } from '../companies/alerts';
import { config } from '../config';
import { buildDataset } from '../dataset/build';
import { askDueFollowups } from '../followups/followups';
import { JobRegistry } from './runner';

const HOUR_MS = 3_600_000;

export const jobKinds = new JobRegistry()
	// "Is it fixed?" 2, 4 and 8 weeks after filing: asked within the hour it falls due.
	.every('followup-questions', HOUR_MS, async (ctx) => {
		await askDueFollowups(ctx);
	})
	// New reports of the day to representatives who chose a digest (decision 030): 06:00 UTC.
	.daily(
		'company-digest',
		async ({ db, mail, origin, now }) => {
			await sendDailyDigests(db, now, { mail, origin });
		},
		{ atHourUtc: 6 }
	)
	// The downloadable dataset (decision 032), rebuilt from a snapshot every night at 02:00 UTC.
	.daily(
		'dataset-refresh',
		async ({ db, origin, now }) => {
			await buildDataset(db, config.datasetPath, new Date(now), { origin });
		},
		{ atHourUtc: 2 }
	);
