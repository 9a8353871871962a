/** Conversions between stored report values and the text of form fields. */
import { currencyDigits } from './taxonomy';

/** Minor units back to the plain decimal text a user would type ("88.77"). */
export function formatMoneyInput(minor: number | null, currency: string | null): string {
	if (minor === null || !currency) return '';
	const digits = currencyDigits(currency);
	if (digits === 0) return String(minor);
	const whole = Math.floor(minor / 10 ** digits);
	const fraction = String(minor % 10 ** digits).padStart(digits, '0');
	return `${whole}.${fraction}`;
}
