/** The flag form: what is flagged, why, and an optional note for the moderators. */
import * as v from 'valibot';
import { flagReasons } from '../taxonomy';
import { m } from '../paraglide/messages';

export const FLAG_NOTE_MAX = 500;

export const flagSchema = v.object({
	target: v.picklist(['report', 'response', 'entry'] as const, () => m.error_choose()),
	/** Which entry of the conversation, when the target is one. */
	entry: v.optional(
		v.pipe(
			v.string(),
			v.regex(/^\d{0,15}$/, () => m.error_choose())
		),
		''
	),
	reason: v.picklist(flagReasons, () => m.flag_reason_required()),
	note: v.pipe(
		v.string(),
		v.trim(),
		v.maxLength(FLAG_NOTE_MAX, () => m.error_too_long({ max: FLAG_NOTE_MAX }))
	)
});
