/** Reads named fields of a submitted form as the strings the user typed, and maps issues to fields. */
import type * as v from 'valibot';

/** Named fields as strings (`multi` ones, such as checkbox groups, as string arrays). Files read as ''. */
export function readForm<K extends string, M extends K = never>(
	data: FormData,
	fields: readonly K[],
	multi: readonly M[] = []
): Record<Exclude<K, M>, string> & Record<M, string[]> {
	const values: Record<string, string | string[]> = {};
	for (const field of fields) {
		if ((multi as readonly string[]).includes(field)) {
			values[field] = data.getAll(field).filter((x): x is string => typeof x === 'string');
		} else {
			const value = data.get(field);
			values[field] = typeof value === 'string' ? value : '';
		}
	}
	return values as Record<Exclude<K, M>, string> & Record<M, string[]>;
}

/** The first message per top-level field. */
export function firstErrors(issues: readonly v.BaseIssue<unknown>[]): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of issues) {
		const key = issue.path?.[0]?.key;
		if (typeof key === 'string' && !errors[key]) errors[key] = issue.message;
	}
	return errors;
}
