import { exportColumns } from '$lib/server/reports/export';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	columns: exportColumns.map(([name, meaning]) => ({ name, meaning: meaning() }))
});
