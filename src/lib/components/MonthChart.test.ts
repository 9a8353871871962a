import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import MonthChart from '$lib/components/MonthChart.svelte';

/** The text of the chart's axes, as a sighted reader sees them, in document order. */
function axis(body: string, name: 'x-axis' | 'y-axis'): string[] {
	const start = body.indexOf(`class="${name}`);
	const end = body.indexOf('</div>', start);
	return [...body.slice(start, end).matchAll(/<span[^>]*>([^<]+)<\/span>/g)].map((m) => m[1]!);
}

describe('the chart of reports per month', () => {
	it('has round gridlines up to the highest month, and names quarters of a year and a half', () => {
		const months = Array.from({ length: 18 }, (_, i) => {
			const month = new Date(Date.UTC(2024, 1 + i, 1)).toISOString().slice(0, 7);
			return { month, n: i === 5 ? 38 : i % 4 };
		});
		const { body } = render(MonthChart, { props: { months, caption: 'Reports per month' } });
		expect(axis(body, 'y-axis')).toEqual(['40', '30', '20', '10', '0']);
		expect(axis(body, 'x-axis')).toEqual([
			'Apr 2024',
			'Jul 2024',
			'Oct 2024',
			'Jan 2025',
			'Apr 2025',
			'Jul 2025'
		]);
		// Every bar still tells its month and count, and the table holds every figure.
		expect(body).toContain('<title>Jul 2024: 38</title>');
		expect(body.match(/<tr>/g)).toHaveLength(19);
	});

	it('names years alone on a long span, and draws zero months', () => {
		const { body } = render(MonthChart, {
			props: {
				months: [
					{ month: '2019-06', n: 3 },
					{ month: '2024-02', n: 1 }
				],
				caption: 'Reports per month'
			}
		});
		expect(axis(body, 'x-axis')).toEqual(['2020', '2021', '2022', '2023', '2024']);
		expect(axis(body, 'y-axis')).toEqual(['3', '2', '1', '0']);
		expect(body.match(/<rect /g)).toHaveLength(57);
	});

	it('draws charts side by side on shared scales: the same months and the same gridlines', () => {
		const scale = { from: '2025-01', to: '2025-06', max: 40 };
		const small = render(MonthChart, {
			props: { months: [{ month: '2025-03', n: 4 }], caption: 'Small', scale }
		}).body;
		const large = render(MonthChart, {
			props: { months: [{ month: '2025-02', n: 40 }], caption: 'Large', scale }
		}).body;
		for (const body of [small, large]) {
			expect(axis(body, 'y-axis')).toEqual(['40', '30', '20', '10', '0']);
			expect(body.match(/<rect /g)).toHaveLength(6);
		}
		// Four reports stand a tenth as high as forty.
		const height = (body: string) =>
			Math.max(...[...body.matchAll(/<rect [^>]*height="([\d.]+)"/g)].map((m) => Number(m[1])));
		expect(height(large) / height(small)).toBeCloseTo(10);
	});

	it('says there is nothing to chart instead of drawing an empty frame', () => {
		const { body } = render(MonthChart, { props: { months: [], caption: 'Reports per month' } });
		expect(body).toContain('No data to chart yet.');
		expect(body).not.toContain('<svg');
	});

	it('marks the month the company began answering with a line and a legend', () => {
		const months = [
			{ month: '2024-01', n: 4 },
			{ month: '2024-04', n: 2 }
		];
		const marker = {
			month: '2024-03',
			label: 'Dashed line: the company’s first answer here, Mar 2024'
		};
		const { body } = render(MonthChart, {
			props: { months, caption: 'Reports per month', marker }
		});
		// Four months of 160 units: March starts at 320.
		expect(body).toMatch(/<line class="marker[^"]*" x1="320" y1="0" x2="320"/);
		expect(body).toContain(marker.label);
		expect(body).toMatch(/aria-label="[^"]*first answer here, Mar 2024\./);
		const without = render(MonthChart, { props: { months, caption: 'Reports per month' } }).body;
		expect(without).not.toContain('class="marker');
		// A first answer after the last month is told, not drawn off the chart.
		const later = render(MonthChart, {
			props: { months, caption: 'Reports per month', marker: { ...marker, month: '2025-01' } }
		}).body;
		expect(later).not.toContain('class="marker');
		expect(later).toContain(marker.label);
	});
});
