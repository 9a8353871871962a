import { describe, expect, it } from 'vitest';
import { decideLocale } from './i18n';

/** A browser opening a page (what Chromium sends for a navigation), or another kind of request. */
function visit(path: string, headers: Record<string, string> = {}, method = 'GET') {
	const url = new URL(path, 'http://recourse.test');
	const request = new Request(url, {
		method,
		headers: { 'sec-fetch-dest': 'document', ...headers }
	});
	return [request, url] as const;
}

describe('decideLocale', () => {
	it('serves an unprefixed page in English to a first visitor who prefers English or no listed language', () => {
		expect(decideLocale(...visit('/companies'), undefined)).toEqual({
			action: 'serve',
			remember: 'en'
		});
		expect(
			decideLocale(...visit('/companies', { 'accept-language': 'fr-FR,fr;q=0.9' }), undefined)
		).toEqual({ action: 'serve', remember: 'en' });
	});

	it('sends a first visitor to the language they prefer, keeping path and query', () => {
		expect(
			decideLocale(
				...visit('/explore?outcome=resolved', { 'accept-language': 'de-DE,de;q=0.9' }),
				undefined
			)
		).toEqual({ action: 'redirect', location: '/de/explore?outcome=resolved', remember: 'de' });
		expect(
			decideLocale(...visit('/', { 'accept-language': 'fr;q=0.9, pl;q=0.8, en;q=0.5' }), undefined)
		).toMatchObject({ action: 'redirect', location: expect.stringMatching(/^\/pl\/?$/) });
	});

	it('prefers the remembered choice to Accept-Language', () => {
		const german = { 'accept-language': 'de' };
		expect(decideLocale(...visit('/patterns', german), 'en')).toEqual({
			action: 'serve',
			remember: 'en'
		});
		expect(decideLocale(...visit('/patterns', german), 'ru')).toEqual({
			action: 'redirect',
			location: '/ru/patterns',
			remember: 'ru'
		});
		expect(decideLocale(...visit('/patterns', german), 'xx')).toMatchObject({
			location: '/de/patterns'
		});
	});

	it('serves a prefixed page in its language and remembers it', () => {
		expect(decideLocale(...visit('/pl/companies', { 'accept-language': 'de' }), 'en')).toEqual({
			action: 'serve',
			remember: 'pl'
		});
	});

	it('takes /en/… as a choice of English and drops the prefix', () => {
		expect(decideLocale(...visit('/en/companies?q=acme'), 'de')).toEqual({
			action: 'redirect',
			location: '/companies?q=acme',
			remember: 'en'
		});
		expect(decideLocale(...visit('/en'), 'de')).toMatchObject({ location: '/' });
	});

	// Before: a request without Sec-Fetch-Dest (a crawler, curl) got /en/companies as a 200 duplicate.
	it('redirects /en/… for every reader, not only browsers', () => {
		const [crawler, url] = visit('/en/companies');
		crawler.headers.delete('sec-fetch-dest');
		expect(decideLocale(crawler, url, undefined)).toMatchObject({
			action: 'redirect',
			location: '/companies'
		});
		expect(decideLocale(...visit('/en/companies', {}, 'HEAD'), undefined)).toMatchObject({
			location: '/companies'
		});
	});

	it('never redirects form posts, scripts, data requests or the machine routes', () => {
		const german = { 'accept-language': 'de' };
		const none = { action: 'serve', remember: null };
		expect(decideLocale(...visit('/reports/new', german, 'POST'), 'de')).toEqual(none);
		const [script, url] = visit('/companies', german);
		script.headers.delete('sec-fetch-dest');
		expect(decideLocale(script, url, 'de')).toEqual(none);
		for (const path of [
			'/api/v1/reports',
			'/api/openapi.json',
			'/explore/export.csv?outcome=resolved',
			'/explore/export.json',
			'/companies/suggest?q=ac',
			'/status'
		]) {
			expect(decideLocale(...visit(path, german), 'de'), path).toEqual(none);
		}
	});
});

describe('the locale redirect never leaves the site', () => {
	it('sends path-shaped input to a same-origin path, whatever slashes it starts with', () => {
		for (const path of [
			'/en//evil.example',
			'/en/\\evil.example',
			'/en///evil.example',
			'/en/\\\\evil.example',
			'/en/%2F%2Fevil.example',
			'/en//evil.example/?x=1',
			'//evil.example',
			'/\\evil.example'
		]) {
			for (const cookie of [undefined, 'de', 'en']) {
				const decision = decideLocale(...visit(path, { 'accept-language': 'pl' }), cookie);
				if (decision.action !== 'redirect') continue;
				const location = new URL(decision.location, 'http://recourse.test');
				expect(location.origin, `${path} → ${decision.location}`).toBe('http://recourse.test');
				expect(decision.location, path).toMatch(/^\/(?![/\\])/);
			}
		}
		expect(decideLocale(...visit('/en//evil.example'), undefined)).toMatchObject({
			action: 'redirect',
			location: '/evil.example'
		});
	});
});
