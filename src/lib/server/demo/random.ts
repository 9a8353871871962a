/** A small seeded pseudo-random generator (sfc32), so that demo data is the same for the same seed. */

/** Spreads a small integer seed over 32 bits (splitmix32), so that seeds 1 and 2 start far apart. */
function splitmix32(state: number): () => number {
	return () => {
		state = (state + 0x9e3779b9) | 0;
		let z = state;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
		return (z ^ (z >>> 16)) >>> 0;
	};
}

/** Running totals of weights, for `Random.index`. */
export function cumulative(weights: readonly number[]): Float64Array {
	const sums = new Float64Array(weights.length);
	let total = 0;
	weights.forEach((w, i) => {
		total += w;
		sums[i] = total;
	});
	return sums;
}

/**
 * sfc32: fast, small state, passes PractRand to large sizes, and is plain 32-bit integer
 * arithmetic, so that every JavaScript engine gives the same sequence.
 */
export class Random {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(seed: number) {
		const mix = splitmix32(seed >>> 0);
		this.a = mix();
		this.b = mix();
		this.c = mix();
		this.d = mix();
		// The first outputs of sfc32 are still correlated with the seed.
		for (let i = 0; i < 15; i++) this.next();
	}

	/** A float in [0, 1). */
	next(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return (t >>> 0) / 4294967296;
	}

	/** An integer in [0, n). */
	int(n: number): number {
		return Math.floor(this.next() * n);
	}

	/** An integer in [min, max]. */
	between(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(list: readonly T[]): T {
		return list[Math.floor(this.next() * list.length)]!;
	}

	/** An index drawn with the weights whose running totals are given (see `cumulative`). */
	index(sums: Float64Array): number {
		const r = this.next() * sums[sums.length - 1]!;
		let lo = 0;
		let hi = sums.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (sums[mid]! > r) hi = mid;
			else lo = mid + 1;
		}
		return lo;
	}

	/** A standard normal deviate (Box–Muller). */
	normal(): number {
		const u = 1 - this.next();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
	}
}
