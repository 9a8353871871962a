import { describe, expect, it } from 'vitest';
import { formatCount, parseCount, parseMoney } from './quantity-input';

const minor = (text: string, currency: string, locale: string) => {
	const parsed = parseMoney(text, currency, locale);
	return parsed.ok ? parsed.minor : parsed.problem;
};

describe('amounts as people type them', () => {
	it('read the founding cases and the usual international forms', () => {
		expect(minor('7,455', 'USD', 'en')).toBe(745_500);
		expect(minor('88.77', 'USD', 'en')).toBe(8_877);
		expect(minor('7455.00', 'USD', 'en')).toBe(745_500);
		expect(minor('1.234,56', 'EUR', 'de')).toBe(123_456);
		expect(minor('12 400', 'RUB', 'ru')).toBe(1_240_000);
		expect(minor('12\u00a0400', 'RUB', 'ru')).toBe(1_240_000);
		expect(minor('12\u202f400,50', 'RUB', 'ru')).toBe(1_240_050);
		expect(minor("1'234.50", 'CHF', 'de')).toBe(123_450);
		expect(minor('1,234,567.89', 'USD', 'en')).toBe(123_456_789);
		expect(minor('1.234.567', 'EUR', 'es')).toBe(123_456_700);
		expect(minor('88,77', 'EUR', 'en')).toBe(8_877);
		expect(minor('7455', 'JPY', 'en')).toBe(7_455);
		expect(minor('0.5', 'USD', 'en')).toBe(50);
	});

	it('leave an ambiguous "1.234" to the reader\'s locale: thousands in German, refused in English', () => {
		expect(minor('1.234', 'EUR', 'de')).toBe(123_400);
		expect(minor('1.234', 'USD', 'en')).toBe('decimals');
		expect(minor('7,455', 'EUR', 'de')).toBe('decimals');
		expect(minor('7,455', 'USD', 'en')).toBe(745_500);
	});

	it('refuse what is not an amount, or has more decimals than the currency', () => {
		for (const bad of ['', 'abc', '12a', '1,2,3', '1.234,56,7', '1 23', '5.', '-5', '$5', '1e5']) {
			expect(minor(bad, 'USD', 'en'), bad).toBe('format');
		}
		expect(minor('1.5', 'JPY', 'en')).toBe('decimals');
		expect(minor('88.777', 'USD', 'en')).toBe('decimals');
		expect(minor('88.770', 'USD', 'en')).toBe(8_877);
	});
});

describe('counts with a lower bound', () => {
	it('read "50+", ">50" and "≥ 50" as at least 50, and plain numbers as exact', () => {
		expect(parseCount('50+')).toEqual({ ok: true, value: 50, atLeast: true });
		expect(parseCount('> 50')).toEqual({ ok: true, value: 50, atLeast: true });
		expect(parseCount('≥50')).toEqual({ ok: true, value: 50, atLeast: true });
		expect(parseCount('22')).toEqual({ ok: true, value: 22, atLeast: false });
		for (const bad of ['>50+', 'many', '5.5', '-3', ''])
			expect(parseCount(bad).ok, bad).toBe(false);
	});

	it('show a lower bound as "50+" in the reader\'s digits', () => {
		expect(formatCount(50, true)).toBe('50+');
		expect(formatCount(1200, false, 'de')).toBe('1.200');
		expect(formatCount(null, true)).toBe('');
	});
});
