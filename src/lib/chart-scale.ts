/** Scales for the server-rendered charts: round ticks a reader can count on, and which months to name. */

/**
 * Evenly spaced round ticks from 0 to at least `max`: steps of 1, 2 or 5 × 10ⁿ, at most
 * `most` steps. The chart's top is the last tick, so that the gridlines fall on round numbers.
 */
export function countTicks(max: number, most = 4): number[] {
	if (!(max > 0)) return [0, 1];
	const rough = max / most;
	const power = 10 ** Math.floor(Math.log10(rough));
	const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= rough) ?? 10 * power;
	// Counts are whole: a step below one would label the same whole number twice.
	const whole = Math.max(1, step);
	const top = Math.ceil(max / whole) * whole;
	const ticks: number[] = [];
	for (let t = 0; t <= top; t += whole) ticks.push(t);
	return ticks;
}

/** Steps, in months, between named months on the time axis; years once the span is long. */
const monthSteps = [1, 2, 3, 6, 12, 24, 60, 120] as const;

/**
 * Which of `months` (consecutive `YYYY-MM`) the axis names: at most `most`, at a round step,
 * starting at a January when the step is a year or more, at a quarter's first month when it
 * is a quarter or more. Returns their indexes.
 */
export function monthTicks(months: readonly string[], most = 6): number[] {
	if (!months.length) return [];
	const step = monthSteps.find((s) => Math.ceil(months.length / s) <= most) ?? 120;
	const aligned = (month: string) => {
		const index = Number(month.slice(5, 7)) - 1;
		const year = Number(month.slice(0, 4));
		if (step >= 12) return index === 0 && year % (step / 12) === 0;
		return index % step === 0;
	};
	const out: number[] = [];
	months.forEach((month, i) => {
		if (aligned(month)) out.push(i);
	});
	// A span too short to hold an aligned month still names where it starts.
	return out.length ? out : [0];
}
