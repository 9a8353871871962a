/** Sign-up and log-in forms. */
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';

export const passwordLimits = { min: 10, max: 256 } as const;

const email = v.pipe(
	v.string(),
	v.trim(),
	v.nonEmpty(() => m.error_required()),
	v.maxLength(254, () => m.error_too_long({ max: 254 })),
	v.email(() => m.error_email())
);

/** A password being chosen (sign-up, reset, change); the server also refuses common ones. */
export const newPassword = v.pipe(
	v.string(),
	v.minLength(passwordLimits.min, () => m.error_password_short({ min: passwordLimits.min })),
	v.maxLength(passwordLimits.max, () => m.error_too_long({ max: passwordLimits.max }))
);

/** The password is chosen through the mailed link (docs/decisions/018-answers-that-tell-nothing.md). */
export const signupSchema = v.object({
	email,
	displayName: v.pipe(
		v.string(),
		v.trim(),
		v.maxLength(60, () => m.error_too_long({ max: 60 }))
	)
});

export const loginSchema = v.object({
	email,
	password: v.pipe(
		v.string(),
		v.nonEmpty(() => m.error_required()),
		v.maxLength(passwordLimits.max, () => m.error_too_long({ max: passwordLimits.max }))
	)
});

export const forgotSchema = v.object({ email });

export const resetSchema = v.object({ password: newPassword });

export const changePasswordSchema = v.object({
	current: v.pipe(
		v.string(),
		v.nonEmpty(() => m.error_required()),
		v.maxLength(passwordLimits.max, () => m.error_too_long({ max: passwordLimits.max }))
	),
	password: newPassword
});
