/** Where tests find the CFPB sample (2,067 real complaints from a 2023 export), kept in tests/fixtures/cfpb with its source. */
import { resolve } from 'node:path';

export const samplePath = resolve(
	process.env.CFPB_SAMPLE ?? 'tests/fixtures/cfpb/complaints_sample_clean.csv'
);
