/** A moderator's decision form. */
import * as v from 'valibot';
import { flagReasons } from '../taxonomy';
import { m } from '../paraglide/messages';

/**
 * What a moderator may decide: `remove` proposes a removal for good (four-eyes), which a
 * second moderator answers with `confirm-removal` or `reject-removal`.
 */
export const moderationActions = [
	'hide',
	'restore',
	'remove',
	'confirm-removal',
	'reject-removal',
	'dismiss'
] as const;
export type ModerationAction = (typeof moderationActions)[number];

export const MODERATION_NOTE_MAX = 500;

export const decisionFields = ['targetType', 'targetId', 'action', 'reason', 'note'] as const;

export const decisionSchema = v.object({
	targetType: v.picklist(['report', 'response', 'entry'] as const, () => m.error_choose()),
	targetId: v.pipe(
		v.string(),
		v.regex(/^\d{1,15}$/, () => m.error_choose()),
		v.transform(Number)
	),
	action: v.picklist(moderationActions, () => m.error_choose()),
	// Empty when the decision needs none (restore, dismiss, answering a proposal).
	reason: v.pipe(
		v.union([v.literal(''), v.picklist(flagReasons)], () => m.flag_reason_required()),
		v.transform((reason) => (reason === '' ? null : reason))
	),
	note: v.pipe(
		v.string(),
		v.trim(),
		v.minLength(1, () => m.moderation_note_required()),
		v.maxLength(MODERATION_NOTE_MAX, () => m.error_too_long({ max: MODERATION_NOTE_MAX }))
	)
});
