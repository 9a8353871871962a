/**
 * Issue 17 item 2, in Polish: a company's manager invites a colleague, who accepts and answers a
 * report from the dashboard's "awaiting" tab; a new report is mailed to the colleague, who stops
 * the mails by the link without being signed in. Every page is checked by axe at 320 px.
 */
import type { Page } from '@playwright/test';
import { createUser } from '../../src/lib/server/auth/users';
import { createCompany } from '../../src/lib/server/companies/companies';
import { grantRepresentative } from '../../src/lib/server/companies/representatives';
import { createReport } from '../../src/lib/server/reports/reports';
import { reportInput } from '../../src/lib/server/testing/factories';
import {
	expect,
	expectAccessible,
	latestMailTo,
	reportFormFields,
	signIn,
	test,
	uniqueEmail,
	withDbAsync
} from './fixtures';

const phone = { width: 320, height: 640 };
test.use({ viewport: phone });

/** Accessible and no wider than a 320-pixel phone screen. */
async function check(page: Page) {
	await expectAccessible(page);
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, page.url()).toBeLessThanOrEqual(phone.width);
}

/** The path of the first link in a mail that starts with `prefix`. */
function linkIn(text: string, prefix: string): string {
	const url = text.match(new RegExp(`https?://[^\\s]*${prefix}[^\\s]*`))?.[0];
	expect(url, text).toBeTruthy();
	return new URL(url!).pathname;
}

test('a manager invites a colleague who answers from the dashboard and stops new-report mail by its link', async ({
	page,
	browser,
	baseURL
}) => {
	// Three people in three browsers.
	test.setTimeout(120_000);
	const owner = await signIn(page, baseURL!);
	const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
	const domain = `wroclaw-${stamp}.example`;
	const seeded = await withDbAsync(async (db) => {
		const made = createCompany(db, { name: `Wrocław Net ${stamp}`, website: domain }, null);
		if (!made.ok) throw new Error('company');
		const author = await createUser(db, {
			email: uniqueEmail('autor'),
			password: 'a long enough password'
		});
		if (!author.ok) throw new Error('author');
		grantRepresentative(
			db,
			{ id: author.user.id, role: 'moderator' },
			{ companyId: made.company.id, email: owner.email, reason: 'właściciel' }
		);
		const report = createReport(
			db,
			reportInput({
				company: made.company.name,
				title: 'Internet wyłączony po przeprowadzce',
				language: 'pl',
				country: 'PL',
				region: null
			}),
			author.user.id
		);
		if (!report.ok) throw new Error('report');
		return { company: made.company, reportId: report.id };
	});
	const { company } = seeded;

	// The owner (the company's first manager) invites a colleague, in Polish.
	await page.goto(`/pl/companies/${company.slug}/team`);
	await expect(
		page.getByRole('heading', { level: 1, name: `${company.name}: zespół` })
	).toBeVisible();
	await check(page);
	const email = page.getByLabel('Służbowy adres e-mail');
	await email.fill('kolega@gmail.com');
	await page.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
	await expect(page.getByText(`Użyj adresu w domenie ${domain}.`)).toBeVisible();
	await expect(email).toHaveAttribute('aria-invalid', 'true');
	await expect(email).toHaveValue('kolega@gmail.com');
	const colleagueAddress = `kolega@${domain}`;
	await email.fill(colleagueAddress);
	await page.getByLabel('Rola', { exact: true }).selectOption({ label: 'odpowiadający' });
	await page.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
	await expect(page.getByRole('status')).toHaveText(
		`Zaproszenie wysłano na adres ${colleagueAddress}.`
	);
	await check(page);
	const invitation = latestMailTo(colleagueAddress)!;
	expect(invitation.subject).toContain('Dołącz do zespołu');
	const invitePath = linkIn(invitation.text, '/invites/');

	// The colleague opens the link before signing in, is asked to, then accepts.
	const colleagueContext = await browser.newContext({ viewport: phone });
	const colleague = await colleagueContext.newPage();
	await colleague.goto(invitePath);
	await expect(
		colleague.getByRole('heading', { level: 1, name: `Dołącz do zespołu ${company.name}` })
	).toBeVisible();
	await expect(colleague.getByText('Zaloguj się lub załóż konto')).toBeVisible();
	await check(colleague);
	await signIn(colleague, baseURL!);
	await colleague.goto(invitePath);
	await colleague.getByRole('button', { name: 'Przyjmij zaproszenie' }).click();
	await expect(colleague.getByRole('status')).toContainText('Jesteś teraz zweryfikowanym');
	const awaitingTab = colleague.getByRole('link', { name: /Czekające na odpowiedź/ });
	await expect(awaitingTab).toHaveAttribute('aria-current', 'page');
	await expect(awaitingTab).toContainText('1');
	await check(colleague);

	// From the awaiting tab, the colleague answers the report.
	await colleague.getByRole('link', { name: 'Internet wyłączony po przeprowadzce' }).click();
	const thread = colleague.getByRole('region', { name: 'Odpowiedź firmy' });
	await thread
		.getByLabel('Twoja publiczna odpowiedź')
		.fill('Przywróciliśmy łącze i zwróciliśmy opłatę za ten miesiąc. Przepraszamy.');
	await thread.getByRole('radio', { name: 'Usunęła problem' }).check();
	await thread.getByRole('button', { name: 'Opublikuj odpowiedź' }).click();
	await expect(colleague.getByRole('status')).toHaveText(
		'Twoja odpowiedź została opublikowana. Autor zgłoszenia został powiadomiony.'
	);
	await check(colleague);
	await colleague.goto(`/pl/companies/${company.slug}/dashboard`);
	await expect(colleague.getByRole('link', { name: /Czekające na odpowiedź/ })).toContainText('0');
	await colleague.getByRole('link', { name: /Z odpowiedzią/ }).click();
	await expect(colleague.getByRole('link', { name: /Z odpowiedzią/ })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await expect(
		colleague.getByRole('link', { name: 'Internet wyłączony po przeprowadzce' })
	).toBeVisible();
	await check(colleague);
	await colleagueContext.close();

	// A consumer files a new report about the company: the colleague is mailed, in Polish.
	const consumerContext = await browser.newContext({ viewport: phone });
	const consumer = await consumerContext.newPage();
	await signIn(consumer, baseURL!);
	const filed = await consumer.request.post('/pl/reports/new', {
		form: reportFormFields({ company: company.name, website: '', title: 'Podwójna faktura' }),
		headers: { origin: baseURL!, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(filed.status()).toBe(303);
	await consumerContext.close();
	const alert = latestMailTo(colleagueAddress)!;
	expect(alert.subject).toBe(`Nowe zgłoszenie o ${company.name}: Podwójna faktura`);
	const unsubscribePath = linkIn(alert.text, '/unsubscribe/');

	// Without signing in, the link shows what it will do, and its button does it.
	const strangerContext = await browser.newContext({ viewport: phone });
	const anonymous = await strangerContext.newPage();
	const forged = await anonymous.goto(
		unsubscribePath.replace(/.$/, (c) => (c === '0' ? '1' : '0'))
	);
	expect(forged?.status()).toBe(200);
	await expect(anonymous.getByRole('alert')).toHaveText(
		'Ten link do wypisania się jest nieprawidłowy.'
	);
	await anonymous.goto(unsubscribePath);
	await expect(
		anonymous.getByText(`Przestać wysyłać na ${colleagueAddress} wiadomości o nowych zgłoszeniach`)
	).toBeVisible();
	await check(anonymous);
	await anonymous.getByRole('button', { name: 'Nie wysyłaj tych wiadomości' }).click();
	await expect(anonymous.getByRole('status')).toContainText('Gotowe');
	await check(anonymous);
	await strangerContext.close();

	// The next report is not mailed to the colleague.
	const again = await page.request.post('/pl/reports/new', {
		form: reportFormFields({ company: company.name, website: '', title: 'Znowu bez sieci' }),
		headers: { origin: baseURL!, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(again.status()).toBe(303);
	expect(latestMailTo(colleagueAddress)!.subject).toContain('Podwójna faktura');
});
