import { describe, expect, it } from 'vitest';
import { handMarkup, receiveMarkup } from './parked-markup';

describe('handed markup', () => {
	it('is parked for a server render and taken once, by its own ticket', () => {
		const first = handMarkup('<p>first</p>', false);
		const second = handMarkup('<p>second</p>', false);
		expect(first).not.toHaveProperty('markup');
		expect(receiveMarkup(second)).toBe('<p>second</p>');
		expect(receiveMarkup(first)).toBe('<p>first</p>');
		expect(() => receiveMarkup(first)).toThrow(/taken already/);
	});

	it('travels in the data of a browser’s data request', () => {
		const handed = handMarkup('<p>for the browser</p>', true);
		expect(handed).toEqual({ markup: '<p>for the browser</p>' });
		expect(receiveMarkup(handed)).toBe('<p>for the browser</p>');
	});

	it('is dropped when no page took it within a minute', () => {
		const start = Date.now();
		const unclaimed = handMarkup('<p>failed request</p>', false, start);
		const recent = handMarkup('<p>slow request</p>', false, start + 30_000);
		handMarkup('<p>next</p>', false, start + 61_000);
		expect(() => receiveMarkup(unclaimed)).toThrow();
		expect(receiveMarkup(recent)).toBe('<p>slow request</p>');
	});
});
