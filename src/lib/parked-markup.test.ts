import { afterEach, describe, expect, it, vi } from 'vitest';

/** A fresh module each time: what one test leaves parked must not age another test's markup. */
async function parkedMarkup() {
	vi.resetModules();
	return import('./parked-markup');
}

afterEach(() => {
	vi.useRealTimers();
});

describe('handed markup', () => {
	it('is parked for a server render and taken once, by its own ticket', async () => {
		const { handMarkup, receiveMarkup } = await parkedMarkup();
		const first = handMarkup('<p>first</p>', false);
		const second = handMarkup('<p>second</p>', false);
		expect(first).not.toHaveProperty('markup');
		expect(receiveMarkup(second)).toBe('<p>second</p>');
		expect(receiveMarkup(first)).toBe('<p>first</p>');
		expect(() => receiveMarkup(first)).toThrow(/taken already/);
	});

	it('travels in the data of a browser’s data request', async () => {
		const { handMarkup, receiveMarkup } = await parkedMarkup();
		const handed = handMarkup('<p>for the browser</p>', true);
		expect(handed).toEqual({ markup: '<p>for the browser</p>' });
		expect(receiveMarkup(handed)).toBe('<p>for the browser</p>');
	});

	it('is dropped when no page took it within a minute', async () => {
		const { handMarkup, receiveMarkup } = await parkedMarkup();
		const start = performance.now();
		const unclaimed = handMarkup('<p>failed request</p>', false, start);
		const recent = handMarkup('<p>slow request</p>', false, start + 30_000);
		handMarkup('<p>next</p>', false, start + 61_000);
		expect(() => receiveMarkup(unclaimed)).toThrow();
		expect(receiveMarkup(recent)).toBe('<p>slow request</p>');
	});

	it('survives the wall clock being set forward while its request renders', async () => {
		vi.useFakeTimers({ toFake: ['Date', 'performance'] });
		const { handMarkup, receiveMarkup } = await parkedMarkup();
		const inFlight = handMarkup('<p>in flight</p>', false);
		vi.setSystemTime(Date.now() + 2 * 3600_000);
		handMarkup('<p>another request</p>', false);
		expect(receiveMarkup(inFlight)).toBe('<p>in flight</p>');
	});

	it('is still dropped after a minute when the wall clock was set back', async () => {
		vi.useFakeTimers({ toFake: ['Date', 'performance'] });
		const { handMarkup, receiveMarkup } = await parkedMarkup();
		const unclaimed = handMarkup('<p>failed request</p>', false);
		vi.setSystemTime(Date.now() - 2 * 3600_000);
		vi.advanceTimersByTime(61_000);
		handMarkup('<p>next</p>', false);
		expect(() => receiveMarkup(unclaimed)).toThrow(/No markup parked/);
	});
});
