/** Report ids in URLs: positive integers only, so anything else is a 404 rather than an error. */
export function parseReportId(value: string): number | null {
	if (!/^[1-9]\d{0,14}$/.test(value)) return null;
	return Number(value);
}
