/**
 * Which reports contain a word, as bit sets over the facet index's slots (decision 010).
 *
 * Reading a common word's matches from FTS5 is the slow part of a search: in a million reports
 * "agent" is in 490,000, and their ids cost 40–150 ms to read. So each word's set is read once
 * and then kept in step with writes, the way the facet index keeps its facts: when reports
 * change, their new text is split into words by FTS5's own tokenizer (in a private in-memory
 * database, the same unicode61 options as report_fts) and each kept set is corrected for them.
 * The words most reports contain are read when the server starts, so that a first search for
 * one is as fast as a repeated one; a rare word's matches are cheap to read when first asked.
 *
 * A query term is a part of the FTS5 query explore builds (`ftsTerms`): `"word"` or, for a
 * prefix, `"word"*`. A word FTS5 splits into several tokens (a phrase) cannot be checked word
 * by word, so its set is kept for one version of the data only, as before.
 */
import Database from 'better-sqlite3';

/** The slot space of the facet index: where a report's bit lives, and the data version. */
export interface SlotSpace {
	/** The slot of a report id, or -1. */
	slot(id: number): number;
	/** Slots the arrays have room for: sets are this many bits long. */
	capacity(): number;
	/** Changes whenever the facts do. */
	version(): number;
}

type Entry = {
	bits: Uint32Array;
	/** The word as FTS5 indexes it, or null when it is not one token. */
	token: string | null;
	prefix: boolean;
	/** The data version a set without a token is valid for. */
	version: number;
	/** Kept however long unused (the words most reports contain). */
	pinned: boolean;
};

type Canonical = { key: string; token: string | null; prefix: boolean; empty: boolean };

/** Sets kept for words searched recently, besides the pinned ones. */
const RECENT = 64;
/**
 * Sets read at start: for the words in at least MIN_SHARE of a sample of reports, most common
 * first, the word as a prefix (`"word"*`, a search's last word) and as itself (the others),
 * within PINNED_BYTES (a set is a bit a report: 125 kB for a million reports).
 */
const PINNED_BYTES = 48 * 1024 * 1024;
const MIN_SHARE = 0.05;
const SAMPLE = 2_000;

/** A report's searchable text: id, title, product, narrative. */
type Doc = [number, string | null, string | null, string | null];

/** The same folds as the report_fts triggers (drizzle/0001_report_search.sql). */
function indexedText(text: string | null): string {
	return (text ?? '').replace(/ё/g, 'е').replace(/Ё/g, 'Е').replace(/ł/g, 'l').replace(/Ł/g, 'L');
}

/** Splits texts into words exactly as report_fts does, with FTS5's own tokenizer. */
export class Tokenizer {
	private readonly db = new Database(':memory:');
	private readonly insert;
	private readonly read;
	private readonly clear;

	constructor() {
		this.db.exec(`
			create virtual table doc using fts5(title, product, narrative, tokenize='unicode61 remove_diacritics 2');
			create virtual table doc_words using fts5vocab(doc, 'instance');`);
		this.insert = this.db.prepare(
			'insert into doc(rowid, title, product, narrative) values (?, ?, ?, ?)'
		);
		this.read = this.db.prepare('select doc, term from doc_words').raw();
		this.clear = this.db.prepare('delete from doc');
	}

	/** Each document's distinct words, sorted; documents are [id, title, product, narrative]. */
	words(docs: Doc[]): Map<number, string[]> {
		const out = new Map<number, string[]>();
		if (!docs.length) return out;
		this.db.transaction(() => {
			for (const [id, title, product, narrative] of docs) {
				this.insert.run(id, indexedText(title), indexedText(product), indexedText(narrative));
				out.set(id, []);
			}
			for (const [doc, term] of this.read.iterate() as Iterable<[number, string]>) {
				out.get(doc)?.push(term);
			}
			this.clear.run();
		})();
		for (const [id, terms] of out) out.set(id, [...new Set(terms)].sort());
		return out;
	}

	/** A query word's tokens, in order. */
	tokens(word: string): string[] {
		const out: string[] = [];
		this.db.transaction(() => {
			this.insert.run(0, '', '', indexedText(word));
			for (const [, term] of this.read.iterate() as Iterable<[number, string]>) out.push(term);
			this.clear.run();
		})();
		return out;
	}
}

/** Whether a sorted list holds a word, or (prefix) a word starting with it. */
function contains(sorted: string[], token: string, prefix: boolean): boolean {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid]! < token) lo = mid + 1;
		else hi = mid;
	}
	const found = sorted[lo];
	return found !== undefined && (prefix ? found.startsWith(token) : found === token);
}

export class TermSets {
	private readonly entries = new Map<string, Entry>();
	private readonly tokenizer = new Tokenizer();
	private readonly statements;
	/** Bumped by clear(): a warm-up started before it stops. */
	private generation = 0;

	constructor(
		private readonly sqlite: Database.Database,
		private readonly space: SlotSpace
	) {
		this.statements = {
			// One string rather than a row per id: a tenth of the cost for 500,000 ids.
			matches: sqlite
				.prepare('select group_concat(rowid) from report_fts where report_fts match ?')
				.pluck(),
			texts: sqlite
				.prepare(
					'select id, title, product, narrative from report where id in (select value from json_each(?))'
				)
				.raw()
		};
	}

	/**
	 * The slots of the reports matching every term (an FTS5 query's parts, ANDed as FTS5 does).
	 * The set may be shared: read it, do not change it.
	 */
	match(terms: readonly string[]): Uint32Array {
		let result: Uint32Array | null = null;
		let owned = false;
		for (const term of terms) {
			// A word FTS5 reads no token from (its letters are separators to SQLite's tables) is
			// dropped from the AND, as FTS5 drops it; a query of only such words matches nothing.
			if (this.canonical(term).empty) continue;
			const bits = this.set(term);
			if (!result) result = bits;
			else if (bits !== result) {
				if (!owned) result = new Uint32Array(result);
				owned = true;
				for (let w = 0; w < result.length; w++) result[w]! &= bits[w] ?? 0;
			}
		}
		return result ?? new Uint32Array(this.words());
	}

	/** How many sets are kept, and how many were read from FTS5 so far. */
	stats(): { kept: number; reads: number } {
		return { kept: this.entries.size, reads: this.reads };
	}
	private reads = 0;

	/** Corrects every kept set for reports that changed (new, edited, hidden or deleted). */
	changed(ids: number[]): void {
		const kept = [...this.entries.values()].filter((e) => e.token !== null);
		if (!kept.length || !ids.length) return;
		const rows = this.statements.texts.all(JSON.stringify(ids)) as Doc[];
		const words = this.tokenizer.words(rows);
		for (const id of ids) {
			const slot = this.space.slot(id);
			if (slot < 0) continue;
			const w = slot >>> 5;
			const bit = 1 << (slot & 31);
			const its = words.get(id) ?? [];
			for (const entry of kept) {
				if (w >= entry.bits.length) this.grow(entry);
				if (contains(its, entry.token!, entry.prefix)) entry.bits[w]! |= bit;
				else entry.bits[w]! &= ~bit;
			}
		}
	}

	/** The slots were renumbered (a fresh load): every set is void. */
	clear(): void {
		this.entries.clear();
		this.generation++;
	}

	/**
	 * Reads the sets of the words most reports contain, found in a sample of reports: one step
	 * per turn of the event loop (tens of milliseconds each on a million reports), so that
	 * requests are answered meanwhile. Stops if the sets are cleared (a fresh load).
	 */
	async warm(sampleIds: number[], options: { bytes?: number; minShare?: number } = {}) {
		const generation = this.generation;
		// Not after a fresh load, nor once the connection is closed (tests, shutdown).
		const current = () => generation === this.generation && this.sqlite.open;
		const turn = () => new Promise((resolve) => setImmediate(resolve));
		const limit = Math.floor((options.bytes ?? PINNED_BYTES) / (this.words() * 4));
		const minShare = options.minShare ?? MIN_SHARE;
		const docs = new Map<string, number>();
		const sample = sampleIds.slice(0, SAMPLE);
		try {
			for (let i = 0; i < sample.length; i += 500) {
				await turn();
				if (!current()) return;
				const rows = this.statements.texts.all(JSON.stringify(sample.slice(i, i + 500))) as Doc[];
				for (const words of this.tokenizer.words(rows).values()) {
					for (const word of words) docs.set(word, (docs.get(word) ?? 0) + 1);
				}
			}
			const common = [...docs]
				.filter(([, n]) => n >= minShare * sample.length)
				.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
				.flatMap(([word]) => (word.length >= 3 ? [`"${word}"*`, `"${word}"`] : [`"${word}"`]))
				.slice(0, limit);
			for (const term of common) {
				await turn();
				if (!current()) return;
				this.set(term, true);
			}
		} catch (e) {
			console.error('term sets: warm-up failed', e);
		}
	}

	private words(): number {
		return (this.space.capacity() + 31) >>> 5;
	}

	private grow(entry: Entry): void {
		const bigger = new Uint32Array(this.words());
		bigger.set(entry.bits.subarray(0, bigger.length));
		entry.bits = bigger;
	}

	/** One term's set: kept, or read from FTS5 now. */
	/**
	 * A term as FTS5 reads it: the key of its set (one token: the token itself, so that
	 * "Agent", "agent" and "AGENT" share one set), its token, and whether it has none.
	 */
	private canonical(term: string): Canonical {
		let found = this.canonicals.get(term);
		if (!found) {
			const prefix = term.endsWith('*');
			const tokens = this.tokenizer.tokens(term.slice(1, prefix ? -2 : -1));
			const token = tokens.length === 1 ? tokens[0]! : null;
			found = {
				key: token === null ? term : `"${token}"${prefix ? '*' : ''}`,
				token,
				prefix,
				empty: tokens.length === 0
			};
			if (this.canonicals.size >= 1_000)
				this.canonicals.delete(this.canonicals.keys().next().value!);
			this.canonicals.set(term, found);
		}
		return found;
	}
	private readonly canonicals = new Map<string, Canonical>();

	private set(rawTerm: string, pin = false): Uint32Array {
		const { key: term, token, prefix } = this.canonical(rawTerm);
		const found = this.entries.get(term);
		if (found && (found.token !== null || found.version === this.space.version())) {
			if (found.bits.length < this.words()) this.grow(found);
			if (pin) found.pinned = true;
			if (!found.pinned) {
				this.entries.delete(term);
				this.entries.set(term, found);
			}
			return found.bits;
		}
		const entry: Entry = {
			bits: this.read(term),
			token,
			prefix,
			version: this.space.version(),
			pinned: pin
		};
		this.entries.delete(term);
		this.entries.set(term, entry);
		let recent = 0;
		for (const e of this.entries.values()) if (!e.pinned) recent++;
		for (const [key, e] of this.entries) {
			if (recent <= RECENT) break;
			if (e.pinned) continue;
			this.entries.delete(key);
			recent--;
		}
		return entry.bits;
	}

	/** A term's matches from FTS5, as a set of slots (ids parsed from one string). */
	private read(term: string): Uint32Array {
		const bits = new Uint32Array(this.words());
		this.reads++;
		const text = this.statements.matches.get(term) as string | null;
		if (!text) return bits;
		const space = this.space;
		const put = (id: number) => {
			const slot = space.slot(id);
			if (slot >= 0 && slot >>> 5 < bits.length) bits[slot >>> 5]! |= 1 << (slot & 31);
		};
		let id = 0;
		for (let i = 0; i < text.length; i++) {
			const c = text.charCodeAt(i);
			if (c === 44) {
				put(id);
				id = 0;
			} else id = id * 10 + c - 48;
		}
		put(id);
		return bits;
	}
}
