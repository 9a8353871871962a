import { describe, expect, it } from 'vitest';
import { applySecurityHeaders } from './security-headers';

const page = () => new Headers({ 'content-type': 'text/html' });

describe('security headers', () => {
	it('ask browsers to keep to HTTPS for two years when cookies are secure, and only then', () => {
		const secure = page();
		applySecurityHeaders(secure, { secure: true });
		expect(secure.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
		const plain = page();
		applySecurityHeaders(plain, { secure: false });
		expect(plain.get('strict-transport-security')).toBeNull();
		expect(plain.get('x-content-type-options')).toBe('nosniff');
		expect(plain.get('x-frame-options')).toBe('DENY');
	});

	it('name UTF-8 in every HTML content type, and leave other types as they are', () => {
		for (const [given, expected] of [
			['text/html', 'text/html; charset=utf-8'],
			['TEXT/HTML', 'text/html; charset=utf-8'],
			['text/html; charset=utf-8', 'text/html; charset=utf-8'],
			['text/html;charset=UTF-8', 'text/html;charset=UTF-8'],
			['application/json', 'application/json'],
			['text/csv; charset=utf-8', 'text/csv; charset=utf-8']
		]) {
			const headers = new Headers({ 'content-type': given! });
			applySecurityHeaders(headers, { secure: false });
			expect(headers.get('content-type'), given).toBe(expected);
		}
		const none = new Headers();
		applySecurityHeaders(none, { secure: false });
		expect(none.get('content-type')).toBeNull();
	});
});
