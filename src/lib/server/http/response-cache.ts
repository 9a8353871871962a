/**
 * Whole anonymous responses kept in memory per data version, so that a page asked again before
 * the data changes is sent, not rendered (issue 20 item 5; decision 015's validators are the key).
 */

/** What is kept of a response: enough to answer with the same bytes and headers. */
type Kept = { status: number; headers: [string, string][]; body: Uint8Array };

/** Pages, API answers and feeds; downloads (exports) and sitemaps stream and are left alone. */
const keptTypes = /^(text\/html|application\/json|application\/atom\+xml)\b/i;

export class ResponseCache {
	private readonly entries = new Map<string, Kept>();
	private version = '';
	/** Bytes of the bodies kept now. */
	bytes = 0;
	private readonly maxBytes: number;
	private readonly maxEntryBytes: number;

	private readonly except: RegExp | null;

	/**
	 * `maxBytes` bounds the bodies kept (least recently used go first); one body may use a
	 * quarter. Paths matching `except` are always rendered (the benchmark's trivial page, which
	 * must measure a render).
	 */
	constructor(options: { maxBytes: number; except?: RegExp }) {
		this.maxBytes = options.maxBytes;
		this.maxEntryBytes = Math.floor(options.maxBytes / 4);
		this.except = options.except ?? null;
	}

	/** True for addresses this cache never keeps. */
	skips(url: URL): boolean {
		return this.maxBytes <= 0 || (this.except?.test(url.pathname) ?? false);
	}

	/**
	 * The response kept under `key` while the version is `version`, as a new Response; null when
	 * none. A new version drops everything kept before it.
	 */
	get(version: string, key: string): Response | null {
		if (version !== this.version) {
			this.entries.clear();
			this.bytes = 0;
			this.version = version;
			return null;
		}
		const kept = this.entries.get(key);
		if (!kept) return null;
		// Re-inserted: a Map iterates in insertion order, so the first key is the least recent.
		this.entries.delete(key);
		this.entries.set(key, kept);
		return new Response(kept.body.slice(), { status: kept.status, headers: kept.headers });
	}

	/**
	 * Keeps `response` (a public, cookie-free 200 the caller checked) when its type and size
	 * allow, and returns what to send: the response itself, or a copy of the body it read.
	 */
	async put(version: string, key: string, response: Response): Promise<Response> {
		const type = response.headers.get('content-type') ?? '';
		if (
			version !== this.version ||
			!keptTypes.test(type) ||
			response.headers.has('content-disposition') ||
			!response.body
		) {
			return response;
		}
		const body = new Uint8Array(await response.arrayBuffer());
		const headers = [...response.headers];
		const sent = new Response(body, { status: response.status, headers });
		// The version may have moved while the body was read: what was read may be older.
		if (body.byteLength > this.maxEntryBytes || version !== this.version) return sent;
		const previous = this.entries.get(key);
		if (previous) this.bytes -= previous.body.byteLength;
		this.entries.delete(key);
		this.entries.set(key, { status: response.status, headers, body });
		this.bytes += body.byteLength;
		for (const [oldest, kept] of this.entries) {
			if (this.bytes <= this.maxBytes) break;
			this.entries.delete(oldest);
			this.bytes -= kept.body.byteLength;
		}
		return sent;
	}
}
