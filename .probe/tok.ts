import Database from 'better-sqlite3';
const db = new Database('bench/.data/bench.db', { readonly: true });
const t = new Database(':memory:');
t.exec(`create virtual table tok using fts5(a, b, c, tokenize='unicode61 remove_diacritics 2');
create virtual table tokv using fts5vocab(tok, 'instance');`);
const ins = t.prepare('insert into tok(rowid, a, b, c) values (?, ?, ?, ?)');
const read = t.prepare('select doc, term from tokv').raw();
const clear = t.prepare('delete from tok');
const rows = db
	.prepare(
		"select id, title, coalesce(product, ''), narrative from report where id in (select value from json_each(?))"
	)
	.raw()
	.all(JSON.stringify(Array.from({ length: 2000 }, (_, i) => 1 + i * 500))) as [
	number,
	string,
	string,
	string
][];
for (let r = 0; r < 3; r++) {
	let s = performance.now();
	const df = new Map<string, number>();
	t.transaction(() => {
		for (const row of rows) ins.run(...row);
	})();
	let last = -1;
	const seen = new Set<string>();
	for (const [doc, term] of read.iterate() as Iterable<[number, string]>) {
		if (doc !== last) {
			seen.clear();
			last = doc;
		}
		if (!seen.has(term)) {
			seen.add(term);
			df.set(term, (df.get(term) ?? 0) + 1);
		}
	}
	clear.run();
	console.log(
		'2000 docs',
		(performance.now() - s).toFixed(1),
		'ms',
		df.size,
		'terms',
		[...df].filter(([, n]) => n >= 40).length,
		'terms >=2%'
	);
}
let s = performance.now();
for (const row of rows.slice(0, 100)) {
	ins.run(...row);
	read.all();
	clear.run();
}
console.log('one at a time', ((performance.now() - s) / 100).toFixed(3), 'ms');
