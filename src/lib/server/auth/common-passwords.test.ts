import { describe, expect, it } from 'vitest';
import { isCommonPassword } from './common-passwords';

describe('common passwords', () => {
	it('refuses breached favourites, with digits added or changed case', () => {
		for (const password of [
			'password123',
			'Password1!',
			'qwertyuiop',
			'1234567890',
			'iloveyou12',
			'aaaaaaaaaaaa',
			'Football2024'
		]) {
			expect(isCommonPassword(password), password).toBe(true);
		}
	});
	it('accepts long personal passphrases', () => {
		for (const password of [
			'a long enough password',
			'correct horse battery',
			'Girona-trens-tardans-2024'
		]) {
			expect(isCommonPassword(password), password).toBe(false);
		}
	});
});
