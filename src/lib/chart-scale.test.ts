import { describe, expect, it } from 'vitest';
import { countTicks, monthTicks } from './chart-scale';

describe('countTicks', () => {
	it.each([
		[0, [0, 1]],
		[1, [0, 1]],
		[3, [0, 1, 2, 3]],
		[7, [0, 2, 4, 6, 8]],
		[10, [0, 5, 10]],
		[38, [0, 10, 20, 30, 40]],
		[101, [0, 50, 100, 150]],
		[12345, [0, 5000, 10000, 15000]]
	])('max %d → %j', (max, ticks) => {
		expect(countTicks(max)).toEqual(ticks);
	});

	it('always reaches the maximum, in at most five steps, on whole numbers', () => {
		for (let max = 1; max < 5000; max += 7) {
			const ticks = countTicks(max);
			expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
			expect(ticks.length).toBeLessThanOrEqual(6);
			expect(ticks.every(Number.isInteger)).toBe(true);
		}
	});
});

function months(from: string, count: number): string[] {
	let [y, m] = from.split('-').map(Number) as [number, number];
	const out: string[] = [];
	for (let i = 0; i < count; i++) {
		out.push(`${y}-${String(m).padStart(2, '0')}`);
		m += 1;
		if (m > 12) [y, m] = [y + 1, 1];
	}
	return out;
}

describe('monthTicks', () => {
	it('names every month of a short span', () => {
		expect(monthTicks(months('2025-03', 4))).toEqual([0, 1, 2, 3]);
	});

	it('names quarters of a year and a half, at their first month', () => {
		const span = months('2024-02', 18);
		expect(monthTicks(span).map((i) => span[i])).toEqual([
			'2024-04',
			'2024-07',
			'2024-10',
			'2025-01',
			'2025-04',
			'2025-07'
		]);
	});

	it('names Januaries of a long span, every other year past six', () => {
		const span = months('2012-05', 12 * 12);
		expect(monthTicks(span).map((i) => span[i])).toEqual([
			'2014-01',
			'2016-01',
			'2018-01',
			'2020-01',
			'2022-01',
			'2024-01'
		]);
	});

	it('names the first month of a span too short for an aligned one', () => {
		expect(monthTicks(['2025-11', '2025-12'], 1)).toEqual([0]);
	});
});
