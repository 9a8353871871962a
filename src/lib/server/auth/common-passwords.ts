/**
 * Passwords too common to allow, from the zxcvbn-ts list (the most used passwords in public
 * breaches). Compared case-insensitively, also with a trailing run of digits or symbols removed
 * ("password123!" is "password").
 */
import { dictionary } from '@zxcvbn-ts/language-common';

let common: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
	common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
	const lower = password.toLowerCase();
	const stem = lower.replace(/[\d\W_]+$/u, '');
	// A password of one repeated character, or a run on the keyboard's number row, is never private.
	if (/^(.)\1*$/u.test(lower) || '12345678901234567890'.includes(lower)) return true;
	return common.has(lower) || (stem.length >= 4 && common.has(stem));
}
