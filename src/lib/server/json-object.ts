/** A stored JSON object read back: anything damaged or not an object reads as empty, never throws. */
export function parseJsonObject(json: string | null): Record<string, unknown> {
	if (!json) return {};
	try {
		const value: unknown = JSON.parse(json);
		return value && typeof value === 'object' && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: {};
	} catch {
		return {};
	}
}
