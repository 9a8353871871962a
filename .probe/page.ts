import { openDatabase } from '../src/lib/server/db/client';
import {
	parseExploreFilters,
	facetFilter,
	summariseExplore,
	listExploreReports
} from '../src/lib/server/reports/explore';
import { facetsFor } from '../src/lib/server/reports/facets';
const db = openDatabase('bench/.data/bench.db');
let index;
while (!(index = facetsFor(db))) await new Promise((r) => setTimeout(r, 50));
const words = [
	'promised',
	'account',
	'agent',
	'refund',
	'bill',
	'fee',
	'complaint',
	'contract',
	'called',
	'months'
];
for (const w of words) {
	const f = parseExploreFilters(new URLSearchParams(`q=${w}`));
	let s = performance.now();
	const ff = facetFilter(db, index, f);
	const t0 = performance.now() - s;
	s = performance.now();
	index.count(ff!);
	const t1 = performance.now() - s;
	s = performance.now();
	summariseExplore(db, f);
	const t2 = performance.now() - s;
	s = performance.now();
	listExploreReports(db, f, {});
	const t3 = performance.now() - s;
	console.log(
		w.padEnd(10),
		'ids',
		t0.toFixed(1),
		'match',
		t1.toFixed(1),
		'summ',
		t2.toFixed(1),
		'list',
		t3.toFixed(1)
	);
}
