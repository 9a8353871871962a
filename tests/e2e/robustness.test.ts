import { eq } from 'drizzle-orm';
import { openDatabase } from '../../src/lib/server/db/client';
import { report } from '../../src/lib/server/db/schema';
import { databasePath, expect, signIn, test } from './fixtures';

test('odd addresses and parameters never cause a server error', async ({ page }) => {
	const paths = [
		'/companies?after=%ff%fe',
		'/companies?q=%00%27%22%3Cscript%3E',
		'/companies?q=' + 'x'.repeat(5000),
		'/companies/%E2%80%AE',
		'/companies/a?before=99999999999999999999-1',
		'/companies/suggest?q=%25%5F%5C',
		'/reports/99999999999999999999',
		'/reports/-1',
		'/reports/1.5',
		'/reports/new?company=%00',
		'/login?redirectTo=//evil.example',
		'/signup?redirectTo=javascript:alert(1)',
		'/logout'
	];
	for (const path of paths) {
		const response = await page.request.get(path, { maxRedirects: 0 });
		expect(response.status(), path).toBeLessThan(500);
	}
});

test('odd form submissions are refused without a server error or a saved report', async ({
	page,
	baseURL
}) => {
	const user = await signIn(page, baseURL!);
	const headers = { origin: baseURL!, accept: 'text/html' };
	const bodies: { data?: string; form?: Record<string, string>; contentType?: string }[] = [
		{ data: '{}', contentType: 'application/json' },
		{ data: 'hello', contentType: 'text/plain' },
		{ data: 'garbage', contentType: 'multipart/form-data; boundary=x' },
		{ form: { title: '\u0000\uffff', rating: '1', channels: '\u0000', startedOn: '9999-99-99' } },
		{ form: { narrative: 'x'.repeat(100_000), contacts: '1e400', hours: 'NaN' } }
	];
	for (const body of bodies) {
		const response = await page.request.post('/reports/new', {
			headers: body.contentType ? { ...headers, 'content-type': body.contentType } : headers,
			data: body.data,
			form: body.form,
			maxRedirects: 0
		});
		expect(response.status(), JSON.stringify(body).slice(0, 80)).toBeGreaterThanOrEqual(400);
		expect(response.status(), JSON.stringify(body).slice(0, 80)).toBeLessThan(500);
	}
	const db = openDatabase(databasePath);
	try {
		expect(db.select().from(report).where(eq(report.authorId, user.userId)).all()).toEqual([]);
	} finally {
		db.$client.close();
	}
});
