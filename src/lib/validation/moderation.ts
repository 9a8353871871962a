/** A moderator's decision form, and the filters of the lists of hidden and removed items. */
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
	targetType: v.picklist(['report', 'response'] as const, () => m.error_choose()),
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

/** A day typed in a filter (YYYY-MM-DD) as the UTC instant it starts; null when empty. */
export function dayStart(value: string | null): number | null | 'invalid' {
	if (!value) return null;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'invalid';
	const ms = Date.parse(`${value}T00:00:00Z`);
	return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value ? 'invalid' : ms;
}

const DAY_MS = 86_400_000;

/**
 * A from/to filter of whole days as typed: the instants it spans ("to" includes the whole day
 * typed) and an error code beside each date that is not a real day.
 */
export function readDayRange(fromText: string, toText: string) {
	const from = dayStart(fromText);
	const to = dayStart(toText);
	return {
		from: typeof from === 'number' ? from : null,
		to: typeof to === 'number' ? to + DAY_MS : null,
		invalid: { from: from === 'invalid', to: to === 'invalid' }
	};
}
