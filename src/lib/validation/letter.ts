/** The complaint-letter form: what the author types for one letter (never stored, decision 024). */
import * as v from 'valibot';
import { m } from '../paraglide/messages';

/** What the author may ask for, in the order the letter lists them. */
export const letterAsks = ['fix', 'refund', 'compensation', 'final-response', 'cancel'] as const;
export type LetterAsk = (typeof letterAsks)[number];

export const LETTER_NAME_MAX = 200;
export const LETTER_ADDRESS_MAX = 500;
export const LETTER_NUMBER_MAX = 100;
export const LETTER_DEADLINE_DAYS = 14;
export const LETTER_DEADLINE_MAX = 365;

const upTo = (max: number) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.maxLength(max, () => m.letter_too_long({ max }))
	);

export const letterSchema = v.object({
	recipient: v.pipe(
		v.string(),
		v.minLength(1, () => m.letter_to_unknown())
	),
	name: upTo(LETTER_NAME_MAX),
	address: upTo(LETTER_ADDRESS_MAX),
	account: upTo(LETTER_NUMBER_MAX),
	reference: upTo(LETTER_NUMBER_MAX),
	deadline: v.pipe(
		v.string(),
		v.trim(),
		v.regex(/^\d{1,3}$/, () => m.letter_deadline_invalid()),
		v.transform(Number),
		v.minValue(1, () => m.letter_deadline_invalid()),
		v.maxValue(LETTER_DEADLINE_MAX, () => m.letter_deadline_invalid())
	),
	asks: v.pipe(
		v.array(v.picklist(letterAsks, () => m.letter_asks_missing())),
		v.minLength(1, () => m.letter_asks_missing())
	)
});
export type LetterFormInput = v.InferOutput<typeof letterSchema>;
