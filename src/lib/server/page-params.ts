/**
 * The query parameters of a page, read by the strict parser (query-params.ts): a value the page
 * cannot read answers 400 naming the parameter, in the reader's language. Dropping it would show
 * something the reader did not ask for (the first page for a broken "older" link, every sort for
 * a misspelt one). Names the page does not take are passed over: links may carry a campaign tag.
 */
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { readParams, type ParamTable, type ParamValues } from './query-params';

export function readPageParams<T extends ParamTable>(url: URL, table: T): ParamValues<T> {
	const { values, problems } = readParams(url.searchParams, table, { unknownNames: 'ignore' });
	const [problem] = problems;
	if (problem) error(400, m.error_address_value({ name: problem.parameter }));
	return values;
}
