/** The "Is it fixed?" answer form: by a mailed link, and from My reports. */
import * as v from 'valibot';
import { followupAnswers } from '../followup-answers';
import { m } from '../paraglide/messages';

export const followupSchema = v.object({
	answer: v.picklist(followupAnswers, () => m.followup_choose())
});

export const followupFromListSchema = v.object({
	...followupSchema.entries,
	report: v.pipe(v.string(), v.regex(/^\d{1,15}$/), v.transform(Number))
});
