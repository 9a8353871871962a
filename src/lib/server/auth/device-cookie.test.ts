import { describe, expect, it } from 'vitest';
import { deviceTokens } from './device-cookie';

describe('device cookies across worker processes (decision 026)', () => {
	it('are honoured by every worker that shares the primary key', () => {
		const key = 'ab'.repeat(32);
		const [first, second] = [deviceTokens(key), deviceTokens(key)];
		const token = first.issue('user-1');
		expect(second.read(token, 'user-1')).not.toBeNull();
		expect(second.read(token, 'user-2')).toBeNull();
	});

	it('are refused under another key, or by a process that made its own', () => {
		const token = deviceTokens('ab'.repeat(32)).issue('user-1');
		expect(deviceTokens('cd'.repeat(32)).read(token, 'user-1')).toBeNull();
		expect(deviceTokens(null).read(token, 'user-1')).toBeNull();
		const own = deviceTokens(null);
		expect(own.read(own.issue('user-1'), 'user-1')).not.toBeNull();
	});
});
