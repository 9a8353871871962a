import { config } from '$lib/server/config';
import { currentDataset, dataLicence, datasetTitle } from '$lib/server/dataset/manifest';
import { exportColumns } from '$lib/server/reports/export';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	columns: exportColumns.map(([name, meaning]) => ({ name, meaning: meaning() })),
	/** The newest published version of the whole dataset; null until one is built. */
	dataset: currentDataset(config.datasetPath),
	licence: dataLicence,
	title: datasetTitle
});
