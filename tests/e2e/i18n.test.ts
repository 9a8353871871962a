import type { Page } from '@playwright/test';
import {
	expect,
	expectAccessible,
	languageMenu,
	signUpThroughForm,
	storedAmount,
	test,
	uniqueEmail
} from './fixtures';

/** The report form's labels and choices in one language: what a reader of it sees and picks. */
type FormWords = {
	company: string;
	website: RegExp;
	title: string;
	product: string;
	category: [label: string, option: string];
	trigger: [label: string, option: string];
	startedOn: string;
	endedOn: RegExp;
	contacts: string;
	hours: string;
	agents: string;
	promises: string;
	channel: string;
	escalation: string;
	currency: string;
	disputed: string;
	/** An amount as a reader of the language types it, with its grouping and decimal marks. */
	disputedTyped: string;
	recovered: string;
	outcome: [label: string, option: string];
	oneStar: string;
	narrative: string;
	publish: string;
};

const german: FormWords = {
	company: 'Name des Unternehmens',
	website: /Website des Unternehmens/,
	title: 'Titel',
	product: 'Betroffenes Produkt oder betroffene Dienstleistung',
	category: ['Was schiefging', 'Dienstausfall'],
	trigger: ['Was es ausgelöst hat (optional)', 'Umzug'],
	startedOn: 'Begonnen am',
	endedOn: /^Beendet am/,
	contacts: 'Anzahl der Kontakte (optional)',
	hours: 'Aufgewendete Stunden (optional)',
	agents: 'Verschiedene Gesprächspartner (optional)',
	promises: 'Gebrochene Zusagen oder Fristen (optional)',
	channel: 'Telefon',
	escalation: 'Aufsichtsbehörde oder Schlichtungsstelle',
	currency: 'Währung',
	disputed: 'Strittiger Betrag (optional)',
	disputedTyped: '1.234,56',
	recovered: 'Zurückerhaltener Betrag (optional)',
	outcome: ['Ergebnis', 'Gelöst'],
	oneStar: '1 Stern',
	narrative: 'Was passiert ist, in Ihren Worten',
	publish: 'Bericht veröffentlichen'
};

const russian: FormWords = {
	company: 'Название компании',
	website: /Сайт компании/,
	title: 'Заголовок',
	product: 'Продукт или услуга',
	category: ['Что пошло не так', 'Перебой в обслуживании'],
	trigger: ['Что к этому привело (необязательно)', 'Переезд'],
	startedOn: 'Дата начала',
	endedOn: /^Дата окончания/,
	contacts: 'Количество обращений (необязательно)',
	hours: 'Потрачено часов (необязательно)',
	agents: 'Разных сотрудников, с которыми вы говорили (необязательно)',
	promises: 'Нарушенные обещания или сроки (необязательно)',
	channel: 'Телефон',
	escalation: 'Надзорный орган или омбудсмен',
	currency: 'Валюта',
	disputed: 'Спорная сумма (необязательно)',
	disputedTyped: '12 400',
	recovered: 'Возвращённая сумма (необязательно)',
	outcome: ['Результат', 'Решено'],
	oneStar: '1 звезда',
	narrative: 'Что произошло, своими словами',
	publish: 'Опубликовать жалобу'
};

/** Types a submission with mistakes a consumer makes: a word for a number, dates reversed, too short. */
async function fillWithMistakes(page: Page, w: FormWords) {
	await page.getByLabel(w.company, { exact: true }).fill('Nobody Listed Ltd');
	await page.getByLabel(w.title, { exact: true }).fill('Kept title');
	await page.getByLabel(w.contacts).fill('many');
	await page.getByLabel(w.startedOn).fill('2024-05-10');
	await page.getByLabel(w.endedOn).fill('2024-05-01');
	await page.getByLabel(w.narrative).fill('Too short');
	await page.getByRole('button', { name: w.publish }).click();
}

/** Fills every field correctly, as `fillReport` does in English. */
async function fillReportIn(page: Page, w: FormWords, company: string, title: string) {
	await page.getByLabel(w.company, { exact: true }).fill(company);
	await page.getByLabel(w.website).fill(`${company.toLowerCase().replace(/\W+/g, '-')}.example`);
	await page.getByLabel(w.title, { exact: true }).fill(title);
	await page.getByLabel(w.product, { exact: true }).fill('Festnetz und Internet');
	await page.getByLabel(w.category[0], { exact: true }).selectOption({ label: w.category[1] });
	await page.getByLabel(w.trigger[0]).selectOption({ label: w.trigger[1] });
	await page.getByLabel(w.startedOn).fill('2024-03-01');
	await page.getByLabel(w.endedOn).fill('2024-03-06');
	await page.getByLabel(w.contacts).fill('22');
	await page.getByLabel(w.hours).fill('14,5');
	await page.getByLabel(w.agents).fill('5');
	await page.getByLabel(w.promises).fill('3');
	await page.getByRole('checkbox', { name: w.channel }).check();
	await page.getByRole('checkbox', { name: w.escalation }).check();
	await page.getByLabel(w.currency, { exact: true }).selectOption('EUR');
	await page.getByLabel(w.disputed).fill(w.disputedTyped);
	await page.getByLabel(w.recovered).fill('88,77');
	await page.getByLabel(w.outcome[0], { exact: true }).selectOption({ label: w.outcome[1] });
	await page.getByRole('radio', { name: w.oneStar, exact: true }).check();
	await page
		.getByLabel(w.narrative)
		.fill('Die Leitung war **18 Stunden zu früh** tot und blieb 112 Stunden lang stumm.');
}

test('the report form in German: errors in German, then a published report', async ({
	page,
	user: _user
}) => {
	await page.goto('/de/reports/new');
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await expect(page.getByRole('heading', { level: 1, name: 'Bericht einreichen' })).toBeVisible();
	await expectAccessible(page);

	await fillWithMistakes(page, german);
	await expect(page).toHaveURL(/\/de\/reports\/new/);
	await expect(page.getByRole('alert')).toContainText(/Bitte korrigieren Sie die \d+ unten/);
	await expect(page.getByText('Geben Sie eine ganze Zahl ein, z. B. 3.')).toBeVisible();
	await expect(page.getByText('Das Ende kann nicht vor dem Beginn liegen.')).toBeVisible();
	await expect(page.getByText('Schreiben Sie mindestens 30 Zeichen.')).toBeVisible();
	await expect(page.getByText('Wählen Sie eine Bewertung von 1 bis 5.')).toBeVisible();
	await expect(page.getByLabel(german.title, { exact: true })).toHaveValue('Kept title');
	await expectAccessible(page);

	const company = `Stadtwerke Gerona ${Date.now()}`;
	await fillReportIn(page, german, company, 'Leitung 112 Stunden tot');
	await page.getByRole('button', { name: german.publish }).click();

	await expect(page).toHaveURL(/\/de\/reports\/\d+\?published=1$/);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Leitung 112 Stunden tot' })
	).toBeVisible();
	await expect(page.getByRole('status')).toHaveText('Ihr Bericht ist veröffentlicht.');
	const facts = page.getByRole('region', { name: 'Steckbrief' });
	await expect(facts.getByText('Dienstausfall')).toBeVisible();
	await expect(facts.getByText('Umzug')).toBeVisible();
	await expect(facts.getByText('1.234,56 €')).toBeVisible();
	expect(storedAmount(page.url())).toBe(123_456);
	await expect(facts.getByText('88,77 €')).toBeVisible();
	await expect(facts.getByText('(6 Tage)')).toBeVisible();
	// The report was written in German: the interface's language is its default.
	await expect(page.getByRole('article')).toHaveAttribute('lang', 'de');
	await expectAccessible(page);

	await facts.getByRole('link', { name: company }).click();
	await expect(page).toHaveURL(/\/de\/companies\//);
	await expect(page.getByRole('heading', { level: 1, name: company })).toBeVisible();
	await expectAccessible(page);
});

test('the report form in Russian: errors in Russian with the right plural, then a published report', async ({
	page,
	user: _user
}) => {
	await page.goto('/ru/reports/new');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
	await expect(page.getByRole('heading', { level: 1, name: 'Подать жалобу' })).toBeVisible();
	await expectAccessible(page);

	await fillWithMistakes(page, russian);
	await expect(page.getByRole('alert')).toContainText(
		/Исправьте (\d*[2-4] поля, отмеченные|\d+ полей, отмеченных) ниже\./
	);
	await expect(page.getByText('Введите целое число, например 3.')).toBeVisible();
	await expect(page.getByText('Дата окончания не может быть раньше даты начала.')).toBeVisible();
	await expect(page.getByText('Напишите не менее 30 символов.')).toBeVisible();
	await expect(page.getByText('Выберите оценку от 1 до 5.')).toBeVisible();
	await expectAccessible(page);

	const company = `Теплосеть ${Date.now()}`;
	await fillReportIn(page, russian, company, 'Линия молчала 112 часов');
	await page.getByLabel(russian.currency, { exact: true }).selectOption('RUB');
	await page.getByRole('button', { name: russian.publish }).click();

	await expect(page).toHaveURL(/\/ru\/reports\/\d+\?published=1$/);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Линия молчала 112 часов' })
	).toBeVisible();
	await expect(page.getByRole('status')).toHaveText('Ваша жалоба опубликована.');
	const facts = page.getByRole('region', { name: 'Сведения' });
	await expect(facts.getByText('Перебой в обслуживании')).toBeVisible();
	await expect(facts.getByText(/^12\s400,00\s₽$/)).toBeVisible();
	expect(storedAmount(page.url())).toBe(1_240_000);
	await expect(facts.getByText('(6 дней)')).toBeVisible();
	await expect(page.getByText('0 человек говорят, что с ними было то же самое')).toBeVisible();
	await expectAccessible(page);
});

test('the language switcher keeps the page and its query, and marks the current language', async ({
	page
}) => {
	await page.goto('/explore?outcome=resolved');
	await expect(page.getByRole('heading', { level: 1, name: 'Explore reports' })).toBeVisible();
	const alternates = page.locator('head link[rel="alternate"][hreflang]');
	await expect(alternates).toHaveCount(7);
	await expect(page.locator('head link[hreflang="pl"]')).toHaveAttribute(
		'href',
		/\/pl\/explore\?outcome=resolved$/
	);

	await (await languageMenu(page, 'Language')).getByRole('link', { name: 'Deutsch' }).click();
	await expect(page).toHaveURL(/\/de\/explore\?outcome=resolved$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await expect(page.getByRole('heading', { level: 1, name: 'Berichte erkunden' })).toBeVisible();
	const switcher = await languageMenu(page, 'Sprache');
	await expect(switcher.getByRole('link', { name: 'Deutsch' })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await expect(switcher.getByRole('link', { name: 'Polski' })).toHaveAttribute('hreflang', 'pl');
	await expect(switcher.getByRole('link', { name: 'Polski' })).toHaveAttribute('lang', 'pl');
	await expect(page.getByLabel('Ergebnis')).toHaveValue('resolved');
	await expectAccessible(page);

	// Links inside the German page stay in German.
	await page
		.getByRole('navigation', { name: 'Hauptmenü' })
		.getByRole('link', { name: 'Muster' })
		.click();
	await expect(page).toHaveURL(/\/de\/patterns$/);
	await expectAccessible(page);

	await (await languageMenu(page, 'Sprache')).getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL(/\/patterns$/);
	expect(new URL(page.url()).pathname).toBe('/patterns');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Recurring failure patterns' })
	).toBeVisible();
});

test.describe('a first visit', () => {
	test.use({ locale: 'pl-PL' });

	test('chooses the language from Accept-Language, and the choice is remembered', async ({
		page
	}) => {
		await page.goto('/');
		await expect(page).toHaveURL(/\/pl\/?$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
		await expect(page.getByRole('link', { name: 'Dodaj zgłoszenie' }).first()).toBeVisible();
		await expectAccessible(page);

		// An unprefixed address typed later goes to Polish too.
		await page.goto('/companies');
		await expect(page).toHaveURL(/\/pl\/companies$/);

		// Choosing English is remembered over the browser's preference.
		await (await languageMenu(page, 'Język')).getByRole('link', { name: 'English' }).click();
		expect(new URL(page.url()).pathname).toBe('/companies');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await page.goto('/');
		expect(new URL(page.url()).pathname).toBe('/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Structured, public reports of service failures'
		);
		await expectAccessible(page);

		// And so is choosing Catalan.
		await (await languageMenu(page, 'Language')).getByRole('link', { name: 'Català' }).click();
		await expect(page).toHaveURL(/\/ca\/?$/);
		await page.goto('/patterns');
		await expect(page).toHaveURL(/\/ca\/patterns$/);
		await expect(
			page.getByRole('heading', { level: 1, name: 'Patrons de fallades recurrents' })
		).toBeVisible();
		await expectAccessible(page);
	});

	test('leaves the API, exports and /status alone', async ({ page, request }) => {
		await page.goto('/');
		await expect(page).toHaveURL(/\/pl\/?$/);
		const status = await page.goto('/status');
		expect(status?.status()).toBe(200);
		expect(new URL(page.url()).pathname).toBe('/status');
		const api = await request.get('/api/v1/reports?limit=1', {
			headers: { 'accept-language': 'pl', 'sec-fetch-dest': 'document' }
		});
		expect(api.status()).toBe(200);
		expect((await api.json()).data).toBeInstanceOf(Array);
		const exported = await request.get('/explore/export.csv', {
			headers: { 'accept-language': 'pl', 'sec-fetch-dest': 'document' },
			maxRedirects: 0
		});
		expect(exported.status()).toBe(200);
	});
});

// axe-core needs scripts, so these pages are checked for accessibility by the tests above.
test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false, locale: 'de-DE' });

	test('log-in under /de/ comes back to the German form', async ({ page }) => {
		await page.goto('/reports/new');
		await expect(page).toHaveURL(/\/de\/login\?redirectTo=%2Fde%2Freports%2Fnew$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
		await page.getByRole('main').getByRole('link', { name: 'Registrieren' }).click();
		await expect(page).toHaveURL(/\/de\/signup\?redirectTo=%2Fde%2Freports%2Fnew$/);
		// The link mailed to the address leads back to the German form once the password is chosen.
		await signUpThroughForm(
			page,
			{ email: uniqueEmail('de'), password: 'ein ausreichend langes Passwort' },
			{
				email: 'E-Mail-Adresse',
				displayName: 'Öffentlicher Name (optional)',
				create: 'Konto erstellen',
				sent: 'Sehen Sie in Ihr Postfach',
				password: 'Neues Passwort',
				save: 'Neues Passwort speichern'
			}
		);
		await expect(page).toHaveURL(/\/de\/reports\/new$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Bericht einreichen' })).toBeVisible();
		await page.getByRole('button', { name: 'Abmelden' }).click();
		await expect(page).toHaveURL(/\/de\/?$/);
	});
});

test.describe('on a phone, without JavaScript', () => {
	test.use({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });

	// Before: about 400 pixels of header (six languages, then four rows of links) before any content.
	test('pages fit the screen, the header takes two short lines in every language, and its language menu opens', async ({
		page
	}) => {
		for (const [prefix, menuName] of [
			['', 'Language'],
			['/ca', 'Llengua'],
			['/de', 'Sprache'],
			['/es', 'Idioma'],
			['/pl', 'Język'],
			['/ru', 'Язык']
		] as const) {
			// Every page's width in every language is every-page.test.ts's; here, the header's.
			await page.goto(`${prefix}/explore`);
			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(width, `${prefix}/explore`).toBe(320);
			const header = await page.getByRole('banner').boundingBox();
			expect(header!.height, prefix).toBeLessThan(160);
			await expect(page.getByRole('navigation', { name: menuName })).toBeHidden();
			const menu = await languageMenu(page, menuName);
			await expect(menu.getByRole('link', { name: 'Polski' })).toBeVisible();
		}
		const menu = await languageMenu(page, 'Язык');
		await menu.getByRole('link', { name: 'Deutsch' }).click();
		await expect(page).toHaveURL(/\/de\/explore$/);
	});
});
