/** Where tests find the CFPB sample (2,067 real complaints from a 2023 export), shared by every checkout. */
import { resolve } from 'node:path';

export const samplePath = resolve(
	process.env.CFPB_SAMPLE ?? '../shared/data/cfpb/complaints_sample_clean.csv'
);
