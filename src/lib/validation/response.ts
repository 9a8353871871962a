/** The company-response and consumer-answer forms: one schema each, used by actions and pages. */
import * as v from 'valibot';
import { outcomes, responseActions, verdicts } from '../taxonomy';
import { m } from '../paraglide/messages';

export const RESPONSE_MAX = 10_000;
export const VERDICT_COMMENT_MAX = 1_000;

const trimmed = v.pipe(v.string(), v.trim());

export const responseSchema = v.object({
	body: v.pipe(
		trimmed,
		v.minLength(20, () => m.response_body_short()),
		v.maxLength(RESPONSE_MAX, () => m.response_body_long({ max: RESPONSE_MAX }))
	),
	action: v.picklist(responseActions, () => m.response_action_required())
});
export type ResponseInput = v.InferOutput<typeof responseSchema>;

export const verdictSchema = v.pipe(
	v.object({
		verdict: v.picklist(verdicts, () => m.verdict_required()),
		comment: v.pipe(
			trimmed,
			v.maxLength(VERDICT_COMMENT_MAX, () => m.verdict_comment_long({ max: VERDICT_COMMENT_MAX }))
		),
		outcome: v.picklist(outcomes, () => m.verdict_outcome_required())
	}),
	v.forward(
		v.check(
			(input) => input.verdict !== 'disputed' || input.comment.length > 0,
			() => m.verdict_comment_required()
		),
		['comment']
	)
);
export type VerdictInput = v.InferOutput<typeof verdictSchema>;

export const ENTRY_MAX = 5_000;

/** An entry of the conversation after the company's answer (consumer's reply or company's). */
export const entrySchema = v.object({
	body: v.pipe(
		trimmed,
		v.minLength(1, () => m.thread_body_required()),
		v.maxLength(ENTRY_MAX, () => m.thread_body_long({ max: ENTRY_MAX }))
	)
});
export type EntryInput = v.InferOutput<typeof entrySchema>;
