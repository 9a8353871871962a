import { Tokenizer } from '../src/lib/server/reports/term-sets';
const t = new Tokenizer();
const odd: string[] = [];
for (let cp = 0x80; cp < 0x20000 && odd.length < 10; cp++) {
	const ch = String.fromCodePoint(cp);
	if (!/[\p{L}\p{N}]/u.test(ch)) continue;
	const toks = t.tokens(`a${ch}b`);
	if (toks.length !== 1) odd.push(`${cp.toString(16)} ${JSON.stringify(toks)}`);
}
console.log(odd);
