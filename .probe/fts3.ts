import Database from 'better-sqlite3';
const db = new Database('bench/.data/bench.db', { readonly: true });
const words = ['promised', 'account', 'agent', 'refund', 'bill', 'complaint', 'fee'];
const gc = db
	.prepare('select group_concat(rowid) from report_fts where report_fts match ?')
	.pluck();
const tail = db
	.prepare('select rowid from report_fts where report_fts match ? and rowid > ?')
	.pluck();
const one = db
	.prepare('select rowid from report_fts where report_fts match ? and rowid = ?')
	.pluck();
db.exec("create virtual table if not exists temp.v using fts5vocab(main, report_fts, 'row')");
const exp = db.prepare('select term, doc from temp.v where term >= ? and term < ?');
for (const w of words)
	for (const q of [`"${w}"`, `"${w}"*`]) {
		let s = performance.now();
		const g = gc.get(q) as string;
		const t1 = performance.now() - s;
		s = performance.now();
		const t = tail.all(q, 1000000);
		const t2 = performance.now() - s;
		s = performance.now();
		for (let i = 0; i < 100; i++) one.all(q, 500000 + i * 37);
		const t3 = (performance.now() - s) / 100;
		console.log(
			q.padEnd(12),
			g.length,
			'gc',
			t1.toFixed(1),
			'tail',
			t.length,
			t2.toFixed(2),
			'one',
			t3.toFixed(3)
		);
	}
let s = performance.now();
const terms = exp.all('agent', 'agenu');
console.log(terms, (performance.now() - s).toFixed(2));
const dist = db.prepare('select count(*) n, sum(doc) docs from temp.v where doc >= ?');
for (const th of [1000, 10000, 50000, 100000]) console.log(th, dist.get(th));
console.log(db.prepare('select count(*) from temp.v').pluck().get());
