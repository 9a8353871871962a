/** Errors of the read API and of machine-readable addresses as RFC 9457 problem documents (application/problem+json). */
import { describeProblem, type ParamProblem } from '../query-params';

/** The kinds of problem, each with its anchor on /api where it is explained. */
export const problemTypes = {
	'invalid-parameter': 'Invalid query parameter',
	'not-found': 'Not found',
	'too-many-requests': 'Too many requests'
} as const;
export type ProblemType = keyof typeof problemTypes;

/** What each kind means, for /api (English, as the rest of the API's description). */
export const problemTypeDescriptions: Record<ProblemType, string> = {
	'invalid-parameter':
		'A query parameter is not one the operation takes, or its value is unknown (allowed lists the values), malformed (a number, date or cursor that cannot be read) or out of range. Nothing is answered rather than a wider result.',
	'not-found': 'No report, company, pattern or API operation at this address.',
	'too-many-requests':
		'This address made too many requests; the Retry-After header says how many seconds to wait.'
};

export type Problem = {
	type: string;
	title: string;
	status: number;
	detail: string;
	/** The first refused parameter, its value, and the values it takes (closed lists). */
	parameter?: string;
	value?: string;
	allowed?: readonly string[];
	/** Every refused parameter, when there are several. */
	invalid_params?: (ParamProblem & { detail: string })[];
};

/** The CORS headers every API answer carries: the API is open to scripts on any site. */
export const corsHeaders = { 'access-control-allow-origin': '*' } as const;

/** A problem document as a Response. */
export function problemResponse(
	origin: string,
	status: number,
	type: ProblemType,
	detail: string,
	extra: Partial<Problem> = {},
	headers: Record<string, string> = {}
): Response {
	const body: Problem = {
		type: `${origin}/api#problem-${type}`,
		title: problemTypes[type],
		status,
		detail,
		...extra
	};
	return new Response(JSON.stringify(body), {
		status,
		headers: {
			'content-type': 'application/problem+json',
			'cache-control': 'no-store',
			...corsHeaders,
			...headers
		}
	});
}

/** 400 for refused query parameters: each with its value, reason and allowed values. */
export function invalidParamsResponse(origin: string, problems: ParamProblem[]): Response {
	const first = problems[0]!;
	return problemResponse(
		origin,
		400,
		'invalid-parameter',
		problems.map(describeProblem).join(' '),
		{
			parameter: first.parameter,
			value: first.value,
			...(first.allowed ? { allowed: first.allowed } : {}),
			invalid_params: problems.map((p) => ({ ...p, detail: describeProblem(p) }))
		}
	);
}

export function notFoundResponse(origin: string, detail: string): Response {
	return problemResponse(origin, 404, 'not-found', detail);
}
