const fs = require('fs');
const file = process.argv[2];
const p = JSON.parse(fs.readFileSync(file));
const self = new Map();
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const dt = new Map();
for (let i = 0; i < p.samples.length; i++)
	dt.set(p.samples[i], (dt.get(p.samples[i]) || 0) + (p.timeDeltas[i] || 0));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children || []) parent.set(c, n.id);
const total = [...dt.values()].reduce((a, b) => a + b, 0);
const incl = new Map();
for (const [id, t] of dt) {
	const n = byId.get(id);
	const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
	self.set(key, (self.get(key) || 0) + t);
	const seen = new Set();
	let cur = id;
	while (cur !== undefined) {
		const m = byId.get(cur);
		const k = `${m.callFrame.functionName || '(anon)'} ${m.callFrame.url.split('/').slice(-2).join('/')}:${m.callFrame.lineNumber}`;
		if (!seen.has(k)) {
			seen.add(k);
			incl.set(k, (incl.get(k) || 0) + t);
		}
		cur = parent.get(cur);
	}
}
const top = (m, n) =>
	[...m]
		.sort((a, b) => b[1] - a[1])
		.slice(0, n)
		.map(([k, t]) => `${((100 * t) / total).toFixed(1).padStart(5)}% ${k}`)
		.join('\n');
console.log('SELF\n' + top(self, 25));
console.log('INCLUSIVE\n' + top(incl, 45));
