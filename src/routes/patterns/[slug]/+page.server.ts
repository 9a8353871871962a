import { error } from '@sveltejs/kit';
import PatternFigures from '$lib/components/PatternFigures.svelte';
import { db } from '$lib/server/db';
import { getPattern } from '$lib/server/patterns/patterns';
import { handMarkup } from '$lib/parked-markup';
import { renderOnce } from '$lib/server/render-cache';
import { patternTitle } from '$lib/labels';
import { patternScope } from '$lib/server/reports/rollups';
import { getWhatWorks } from '$lib/server/reports/what-works';
import type { PageServerLoad } from './$types';

/** Read-only figures and links: no JavaScript, like the company and report pages (issue 6). */
export const csr = false;

export const load: PageServerLoad = ({ params, isDataRequest }) => {
	const detail = getPattern(db, params.slug);
	if (!detail) error(404);
	const { pattern, scorecard, companies, reports } = detail;
	return {
		pattern,
		reports,
		// The same for every reader: rendered once per language and data version, and handed over
		// without being serialised for a browser that runs no script here (see parked-markup.ts).
		figures: handMarkup(
			renderOnce(db, `pattern:${pattern.slug}`, PatternFigures, () => ({
				card: scorecard,
				companies,
				works: [
					{
						label: patternTitle(pattern.category, pattern.trigger),
						works: getWhatWorks(db, patternScope(pattern.slug))
					}
				]
			})),
			isDataRequest
		)
	};
};
