/** Vitest set-up: a stray console.error is a failure, not noise. */
import { afterAll, afterEach, beforeEach, vi } from 'vitest';
import { removeTestDbs } from './db';

let errors: unknown[][] = [];

beforeEach(() => {
	errors = [];
	vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
		errors.push(args);
	});
});

afterEach(() => {
	vi.restoreAllMocks();
	if (errors.length) {
		throw new Error(
			`console.error was called:\n${errors.map((a) => a.map(String).join(' ')).join('\n')}`
		);
	}
});

afterAll(removeTestDbs);
