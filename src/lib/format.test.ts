/** Plural forms and Intl formatting follow the interface language, Russian and Polish above all. */
import { afterEach, describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { getLocale, overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';
import {
	formatBytes,
	formatDay,
	formatMoney,
	formatMonth,
	formatNumber,
	formatPercent,
	formatTimestamp,
	languageName
} from './format';

const original = getLocale;
/** Renders as if the current request were in `locale` (the server sets it per request). */
const useLocale = (locale: Locale) => overwriteGetLocale(() => locale);
afterEach(() => overwriteGetLocale(original));

/** Intl numbers use no-break spaces (thousands, before a currency); written as plain spaces here to be read. */
const nbsp = (text: string) => text.replaceAll(' ', '\u00a0');

describe('plural forms', () => {
	const reports = (locale: Locale, count: number) => m.report_count({ count }, { locale });

	it('has one, few and many in Russian', () => {
		expect([1, 2, 5, 11, 21, 22, 25, 111].map((n) => reports('ru', n))).toEqual([
			'1 жалоба',
			'2 жалобы',
			'5 жалоб',
			'11 жалоб',
			'21 жалоба',
			'22 жалобы',
			'25 жалоб',
			'111 жалоб'
		]);
		expect(m.report_duration_days({ count: 3 }, { locale: 'ru' })).toBe('3 дня');
		expect(m.me_too_count({ count: 21 }, { locale: 'ru' })).toBe(
			'21 человек говорит, что с ним было то же самое'
		);
		expect(m.error_rate_limited({ seconds: 1 }, { locale: 'ru' })).toContain('1 секунду');
		expect(m.error_rate_limited({ seconds: 30 }, { locale: 'ru' })).toContain('30 секунд ');
	});

	it('has one only for 1 in Polish, and many from 5 and for 12 to 14 or 21', () => {
		expect([1, 2, 5, 12, 21, 22, 25, 104].map((n) => reports('pl', n))).toEqual([
			'1 zgłoszenie',
			'2 zgłoszenia',
			'5 zgłoszeń',
			'12 zgłoszeń',
			'21 zgłoszeń',
			'22 zgłoszenia',
			'25 zgłoszeń',
			'104 zgłoszenia'
		]);
		expect(m.companies_count({ count: 3 }, { locale: 'pl' })).toBe('3 firmy');
		expect(m.pattern_companies({ count: 5 }, { locale: 'pl' })).toBe('w 5 firmach');
		expect(m.field_rating_value({ value: 5 }, { locale: 'pl' })).toBe('5 gwiazdek');
	});

	it('groups the thousands of a counted number in the language’s way', () => {
		expect(reports('ru', 12_345)).toBe('12\u00a0345 жалоб');
		expect(reports('pl', 12_345)).toBe('12\u00a0345 zgłoszeń');
		expect(reports('de', 12_345)).toBe('12.345 Berichte');
		expect(reports('en', 1)).toBe('1 report');
	});

	it('uses the “many” form Spanish and Catalan have for millions', () => {
		expect(reports('es', 1_000_000)).toBe('1.000.000 de informes');
		expect(reports('ca', 1_000_000)).toBe("1.000.000 d'informes");
	});
});

describe('formatting in the current language', () => {
	it('formats money in Russian and Polish', () => {
		useLocale('ru');
		expect(formatMoney(745_500, 'RUB')).toBe(nbsp('7 455,00 ₽'));
		expect(formatMoney(8_877, 'USD')).toBe(nbsp('88,77 $'));
		useLocale('pl');
		expect(formatMoney(745_500, 'PLN')).toBe(nbsp('7455,00 zł'));
		expect(formatMoney(1_234_567, 'PLN')).toBe(nbsp('12 345,67 zł'));
		expect(formatMoney(100, 'JPY')).toBe(nbsp('100 JPY'));
	});

	it('formats dates and months in Russian and Polish', () => {
		useLocale('ru');
		expect(formatDay('2024-03-05')).toBe('5 мар. 2024 г.');
		expect(formatMonth('2024-03')).toBe('март 2024 г.');
		useLocale('pl');
		expect(formatDay('2024-03-05')).toBe('5 mar 2024');
		expect(formatMonth('2024-03')).toBe('mar 2024');
	});

	it('formats numbers, shares and language names, with each language its own cached formatter', () => {
		useLocale('ru');
		expect(formatNumber(1234.56)).toBe(nbsp('1 234,6'));
		expect(formatPercent(0.25)).toBe(nbsp('25 %'));
		expect(languageName('ar')).toBe('арабский');
		useLocale('pl');
		expect(formatNumber(1234.56)).toBe('1234,6');
		expect(formatPercent(0.25)).toBe('25%');
		expect(languageName('he')).toBe('hebrajski');
		useLocale('en');
		expect(formatNumber(1234.56)).toBe('1,234.6');
		expect(languageName('ar')).toBe('Arabic');
	});

	it('formats file sizes in the largest decimal unit that stays at least 1', () => {
		useLocale('en');
		expect(formatBytes(0)).toBe('0 byte');
		expect(formatBytes(893)).toBe('893 byte');
		expect(formatBytes(68_872)).toBe('68.9 kB');
		expect(formatBytes(11_756_836)).toBe('11.8 MB');
		expect(formatBytes(2_500_000_000)).toBe('2.5 GB');
		useLocale('de');
		expect(formatBytes(11_756_836)).toBe('11,8 MB');
	});
});

describe('remembered texts', () => {
	it('stay apart by language, digits and sign', () => {
		useLocale('de');
		expect(formatNumber(1234.5)).toBe('1.234,5');
		useLocale('en');
		expect(formatNumber(1234.5)).toBe('1,234.5');
		expect(formatNumber(1234.5, 0)).toBe('1,235');
		expect([formatNumber(0), formatNumber(-0)]).toEqual(['0', '-0']);
		expect(formatTimestamp(Date.UTC(2026, 2, 1, 23, 59))).toBe('Mar 1, 2026');
		expect(formatTimestamp(Date.UTC(2026, 2, 2, 0, 1))).toBe('Mar 2, 2026');
		useLocale('pl');
		expect(formatTimestamp(Date.UTC(2026, 2, 1, 12))).toBe('1 mar 2026');
	});
});
