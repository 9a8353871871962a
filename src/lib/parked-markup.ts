/**
 * Markup handed from a page's server `load` to its components without going through the load
 * data. SvelteKit serialises load data for the browser even when a page ships no JavaScript
 * (`csr = false`), and escaping tens of kilobytes of pre-rendered markup costs about as much as
 * rendering it again. So for a server render `load` parks the markup and hands over a ticket
 * (a short string in the data), which the page redeems while it renders, in the same request.
 * A browser's data request (a client-side navigation from a page with JavaScript, which then
 * renders this page in the browser) gets the markup itself.
 */

/** What a load hands to its page: the markup, or the ticket it is parked under. */
export type HandedMarkup = { markup: string } | { ticket: string };

const parked = new Map<string, { markup: string; at: number }>();
let lastTicket = 0;

/** Markup of a request that failed before its page rendered is dropped after this long. */
const UNCLAIMED_MS = 60_000;

/**
 * For a load: the markup as its page will receive it (`isDataRequest` from the load event).
 * Ages are measured on the monotonic clock: were the wall clock stepped forward (NTP, a resumed
 * machine), markup of requests between load and render would be dropped and those pages fail;
 * stepped back, nothing would be dropped until it caught up again.
 */
export function handMarkup(
	markup: string,
	isDataRequest: boolean,
	now = performance.now()
): HandedMarkup {
	if (isDataRequest) return { markup };
	// Oldest first: drop what no page took (its request failed between load and render).
	for (const [ticket, entry] of parked) {
		if (now - entry.at < UNCLAIMED_MS) break;
		parked.delete(ticket);
	}
	const ticket = `m${++lastTicket}`;
	parked.set(ticket, { markup, at: now });
	return { ticket };
}

/** For the page: the markup handed over, a parked one taken once. */
export function receiveMarkup(handed: HandedMarkup): string {
	if ('markup' in handed) return handed.markup;
	const entry = parked.get(handed.ticket);
	if (!entry) throw new Error(`No markup parked under ${handed.ticket}, or taken already`);
	parked.delete(handed.ticket);
	return entry.markup;
}
