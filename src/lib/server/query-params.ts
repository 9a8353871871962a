/**
 * Strict query-string parsing from a table of parameters: every value is read or refused with a
 * reason, never silently dropped. Explore, its exports and feed, and the API share the tables.
 */

/** Why a parameter was refused. */
export type ParamProblemReason =
	/** A name no parameter of this address has. */
	| 'unknown-parameter'
	/** A value outside a closed list (`allowed` lists the list). */
	| 'unknown-value'
	/** Not a number, date or cursor as the parameter expects (`expected` says what). */
	| 'malformed'
	/** A number or date outside the range the parameter allows (`expected` says which). */
	| 'out-of-range'
	/** A single-valued parameter given more than once. */
	| 'repeated'
	/** More values than a list parameter takes. */
	| 'too-many';

export type ParamProblem = {
	parameter: string;
	value: string;
	reason: ParamProblemReason;
	/** Every value the parameter takes, for closed lists. */
	allowed?: readonly string[];
	/** What a value must look like, in words (English: the API's language). */
	expected?: string;
};

type Read<T> =
	{ ok: true; value: T } | { ok: false; reason: ParamProblemReason; expected?: string };

/** How one value of a parameter is read. */
export type ValueRule<T> = {
	read(value: string): Read<T>;
	/** The closed list of values, when there is one. */
	allowed?: readonly string[];
};

/** A parameter: its rule, whether it repeats, and its value when absent. */
export type Param<T, V> = { rule: ValueRule<T>; many: boolean; max: number; absent: V };

/** A list parameter: repeat it to give several values (at most `max`); absent: []. */
export function many<T>(rule: ValueRule<T>, max = 20): Param<T, T[]> {
	return { rule, many: true, max, absent: [] };
}

/** A single-valued parameter; absent: `absent` (null unless given). */
export function one<T>(rule: ValueRule<T>): Param<T, T | null>;
export function one<T>(rule: ValueRule<T>, absent: T): Param<T, T>;
export function one<T>(rule: ValueRule<T>, absent: T | null = null): Param<T, T | null> {
	return { rule, many: false, max: 1, absent };
}

/** One of a closed list of values. */
export function oneOf<T extends string>(values: readonly T[]): ValueRule<T> {
	const known = new Set<string>(values);
	return {
		allowed: values,
		read: (value) =>
			known.has(value) ? { ok: true, value: value as T } : { ok: false, reason: 'unknown-value' }
	};
}

/** A whole number written in decimal digits, within min..max. */
export function integer(min: number, max: number): ValueRule<number> {
	const expected = `an integer from ${min} to ${max}`;
	return {
		read(value) {
			if (!/^-?\d{1,16}$/.test(value)) return { ok: false, reason: 'malformed', expected };
			const n = Number(value);
			return n >= min && n <= max
				? { ok: true, value: n }
				: { ok: false, reason: 'out-of-range', expected };
		}
	};
}

/** A calendar date, YYYY-MM-DD, that exists (2024-02-30 does not). */
export const isoDate: ValueRule<string> = {
	read(value) {
		const expected = 'a date as YYYY-MM-DD';
		if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return { ok: false, reason: 'malformed', expected };
		const date = new Date(`${value}T00:00:00Z`);
		return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
			? { ok: true, value }
			: { ok: false, reason: 'malformed', expected };
	}
};

/** A value matching a pattern (slugs, cursors), described in words for the problem. */
export function matching(pattern: RegExp, expected: string): ValueRule<string> {
	return {
		read: (value) =>
			pattern.test(value) ? { ok: true, value } : { ok: false, reason: 'malformed', expected }
	};
}

/** Free text, trimmed, of at most `max` characters. */
export function text(max: number): ValueRule<string> {
	return {
		read(value) {
			const trimmed = value.trim();
			return trimmed.length <= max
				? { ok: true, value: trimmed }
				: { ok: false, reason: 'out-of-range', expected: `at most ${max} characters` };
		}
	};
}

/** A value read by `rule`, then turned into another (e.g. a cursor string into its parts). */
export function mapped<T, U>(
	rule: ValueRule<T>,
	to: (value: T) => U | null,
	expected: string
): ValueRule<U> {
	return {
		allowed: rule.allowed,
		read(value) {
			const read = rule.read(value);
			if (!read.ok) return read;
			const out = to(read.value);
			return out === null ? { ok: false, reason: 'malformed', expected } : { ok: true, value: out };
		}
	};
}

export type ParamTable = Record<string, Param<unknown, unknown>>;
export type ParamValues<T extends ParamTable> = { [K in keyof T]: T[K]['absent'] };

export type ReadParamsResult<T extends ParamTable> = {
	/** What was read; a refused value is left out, so callers must check `problems` first. */
	values: ParamValues<T>;
	problems: ParamProblem[];
};

/**
 * Reads every parameter of a table. An empty value counts as absent (a GET form sends its
 * empty selects). Names the table does not know are refused when `unknownNames` is 'refuse'
 * (the API, exports, feeds) and passed over when 'ignore' (pages, which links may decorate).
 */
export function readParams<T extends ParamTable>(
	params: URLSearchParams,
	table: T,
	options: { unknownNames: 'refuse' | 'ignore' }
): ReadParamsResult<T> {
	const problems: ParamProblem[] = [];
	const values: Record<string, unknown> = {};
	for (const [name, param] of Object.entries(table)) {
		const given = params.getAll(name).filter((v) => v !== '');
		if (!param.many && given.length > 1) {
			problems.push({ parameter: name, value: given.join(','), reason: 'repeated' });
			values[name] = param.absent;
			continue;
		}
		const read: unknown[] = [];
		for (const value of new Set(given)) {
			const result = param.rule.read(value);
			if (result.ok) read.push(result.value);
			else {
				problems.push({
					parameter: name,
					value,
					reason: result.reason,
					...(param.rule.allowed ? { allowed: param.rule.allowed } : {}),
					...(result.expected ? { expected: result.expected } : {})
				});
			}
		}
		if (param.many && read.length > param.max) {
			problems.push({
				parameter: name,
				value: given.join(','),
				reason: 'too-many',
				expected: `at most ${param.max} values`
			});
		}
		values[name] = param.many ? read.slice(0, param.max) : (read[0] ?? param.absent);
	}
	if (options.unknownNames === 'refuse') {
		for (const name of new Set(params.keys())) {
			if (!Object.hasOwn(table, name)) {
				problems.push({
					parameter: name,
					value: params.get(name) ?? '',
					reason: 'unknown-parameter',
					allowed: Object.keys(table)
				});
			}
		}
	}
	return { values: values as ParamValues<T>, problems };
}

/** A problem in one English sentence, for the API's `detail`. */
export function describeProblem(p: ParamProblem): string {
	const value = JSON.stringify(p.value.slice(0, 100));
	switch (p.reason) {
		case 'unknown-parameter':
			return `${JSON.stringify(p.parameter)} is not a parameter of this address.`;
		case 'unknown-value':
			return `${value} is not a known value of ${p.parameter}.`;
		case 'repeated':
			return `${p.parameter} may be given only once.`;
		case 'too-many':
			return `${p.parameter} takes ${p.expected ?? 'fewer values'}.`;
		default:
			return `${p.parameter}=${value} is not ${p.expected ?? 'valid'}.`;
	}
}
