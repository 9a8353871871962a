import Database from 'better-sqlite3';
const db = new Database('bench/.data/bench.db', { readonly: true });
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
	'water'
];
const all = db.prepare('select rowid from report_fts where report_fts match ?').pluck().raw(false);
const gc = db
	.prepare('select group_concat(rowid) from report_fts where report_fts match ?')
	.pluck();
const cnt = db.prepare('select count(*) from report_fts where report_fts match ?').pluck();
const vocab = (() => {
	try {
		db.exec("create virtual table if not exists temp.v using fts5vocab(main, report_fts, 'row')");
		return db.prepare('select doc from temp.v where term = ?').pluck();
	} catch (e) {
		console.log(e);
		return null;
	}
})();
for (const w of words) {
	const q = `"${w}"`;
	let s = performance.now();
	const a = all.all(q) as number[];
	const t1 = performance.now() - s;
	s = performance.now();
	const g = (gc.get(q) as string | null) ?? '';
	const t2 = performance.now() - s;
	s = performance.now();
	const ids = g ? Int32Array.from(g.split(','), Number) : new Int32Array();
	const t3 = performance.now() - s;
	s = performance.now();
	const c = cnt.get(q);
	const t4 = performance.now() - s;
	s = performance.now();
	const v = vocab?.get(w);
	const t5 = performance.now() - s;
	console.log(
		w.padEnd(14),
		String(a.length).padStart(7),
		'all',
		t1.toFixed(1),
		'gc',
		t2.toFixed(1),
		'parse',
		t3.toFixed(1),
		'count',
		t4.toFixed(1),
		'vocab',
		v,
		t5.toFixed(1),
		ids.length === a.length
	);
}
