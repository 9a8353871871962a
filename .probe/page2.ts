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
let s = performance.now();
await index.warming;
console.log(
	'warm',
	((performance.now() - s) / 1000).toFixed(1),
	's',
	index.textStats(),
	'rss',
	(process.memoryUsage().rss / 1e6).toFixed(0),
	'MB'
);
const words = [
	'refund',
	'engineer',
	'broadband',
	'bill',
	'meter',
	'cancel',
	'supervisor',
	'promised',
	'months',
	'arrears',
	'parcel',
	'flight',
	'charged',
	'letter',
	'router',
	'deposit',
	'insurance',
	'claim',
	'transfer',
	'fee',
	'contract',
	'outage',
	'technician',
	'complaint',
	'account',
	'called',
	'weeks',
	'agent',
	'manager',
	'hold',
	'disconnected',
	'payment',
	'late',
	'credit',
	'shipping',
	'delivery',
	'landline',
	'mobile',
	'heating',
	'water',
	'broadband engineer',
	'agent refund',
	'promised account'
];
const times: number[] = [];
for (const w of words) {
	const f = parseExploreFilters(new URLSearchParams(`q=${w}`));
	let s = performance.now();
	const ff = facetFilter(db, index, f);
	const t0 = performance.now() - s;
	s = performance.now();
	summariseExplore(db, f);
	const t2 = performance.now() - s;
	s = performance.now();
	listExploreReports(db, f, {});
	const t3 = performance.now() - s;
	times.push(t0 + t2 + t3);
	console.log(
		w.padEnd(18),
		'ids',
		t0.toFixed(1),
		'summ',
		t2.toFixed(1),
		'list',
		t3.toFixed(1),
		index.textStats().reads
	);
}
times.sort((a, b) => a - b);
console.log('p95', times[Math.floor(times.length * 0.95)].toFixed(1));
