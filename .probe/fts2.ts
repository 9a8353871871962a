import Database from 'better-sqlite3';
const db = new Database('bench/.data/bench.db', { readonly: true });
const words = ['promised', 'account', 'agent', 'refund', 'bill'];
const gc = db
	.prepare('select group_concat(rowid) from report_fts where report_fts match ?')
	.pluck();
const gcx = db
	.prepare(
		"select group_concat(rowid, '') from (select printf('%08x', rowid) as rowid from report_fts where report_fts match ?)"
	)
	.pluck();
function parse(s: string): Int32Array {
	let n = 1;
	for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 44) n++;
	const out = new Int32Array(n);
	let v = 0,
		k = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c === 44) {
			out[k++] = v;
			v = 0;
		} else v = v * 10 + c - 48;
	}
	out[k] = v;
	return out;
}
function parse2(s: string): Int32Array {
	const out = new Int32Array(s.length >> 3);
	for (let k = 0; k < out.length; k++) out[k] = parseInt(s.substring(k * 8, k * 8 + 8), 16);
	return out;
}
for (let r = 0; r < 2; r++)
	for (const w of words) {
		const q = `"${w}"`;
		let s = performance.now();
		const g = gc.get(q) as string;
		const t1 = performance.now() - s;
		s = performance.now();
		const ids = parse(g);
		const t2 = performance.now() - s;
		s = performance.now();
		const g2 = gcx.get(q) as string;
		const t3 = performance.now() - s;
		s = performance.now();
		const ids2 = parse2(g2);
		const t4 = performance.now() - s;
		console.log(
			w,
			ids.length,
			'gc',
			t1.toFixed(1),
			'parse',
			t2.toFixed(1),
			'hex',
			t3.toFixed(1),
			'parse',
			t4.toFixed(1),
			ids2[5] === ids[5]
		);
	}
