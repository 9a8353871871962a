/** The escalation guide (issue 15): a Spanish telecom case's next step, and the guide's pages. */
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

/** Every page must fit a 320-pixel phone screen: no sideways scrolling. */
async function expectFitsPhone(page: Page) {
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, page.url()).toBe(320);
}

test.use({ viewport: { width: 320, height: 640 } });

test('a Spanish telecom customer sees the next step with its date and follows it to the guide', async ({
	page,
	user: _user,
	browser
}) => {
	const company = `Telefonía Guía ${Date.now()}`;
	await page.goto('/es/reports/new');
	await expectAccessible(page);
	await expect(
		page.getByRole('link', { name: /¿No sabe dónde escalar\? Consulte la guía/ })
	).toHaveAttribute('href', '/es/guide');
	await page.getByLabel('Nombre de la empresa', { exact: true }).fill(company);
	await page.getByLabel(/Sitio web de la empresa/).fill(`telefonia-guia-${Date.now()}.example`);
	await page
		.getByLabel('Sector (opcional, para una empresa nueva)')
		.selectOption({ label: 'Telecomunicaciones' });
	await page.getByLabel('Título', { exact: true }).fill('La fibra lleva un mes sin funcionar');
	await page.getByLabel('Producto o servicio afectado', { exact: true }).fill('Fibra y móvil');
	await page.getByLabel('Qué falló', { exact: true }).selectOption({ label: 'Corte del servicio' });
	await page.getByLabel('Comenzó el').fill('2026-10-05');
	await page.getByLabel('Resultado', { exact: true }).selectOption({ label: 'Sin resolver' });
	await page.getByLabel('Su país (opcional)').selectOption({ label: 'España' });
	await page.getByRole('radio', { name: '1 estrella' }).check();
	await page
		.getByLabel('Qué ocurrió, con sus palabras')
		.fill('La fibra dejó de funcionar el 5 de octubre y el operador no la ha reparado todavía.');
	await page.getByRole('button', { name: 'Publicar informe' }).click();

	await expect(page).toHaveURL(/\/es\/reports\/\d+/);
	const reportUrl = page.url();
	// One month after the first contact (the day the problem started): Spain's telecom user office.
	const next = page.getByRole('region', { name: 'Su siguiente paso' });
	await expect(next).toContainText(
		'Oficina de Atención al Usuario de Telecomunicaciones acepta su caso a partir del 5 nov 2026.'
	);
	await expect(next).toContainText(
		'Contado desde su primer contacto con la empresa, el 5 oct 2026.'
	);
	await expect(next.getByRole('link', { name: /Sitio web oficial/ })).toHaveAttribute(
		'href',
		'https://www.usuariosteleco.gob.es/'
	);
	await expectAccessible(page);
	await expectFitsPhone(page);

	await next.getByRole('link', { name: 'Todas las vías para escalar, por orden' }).click();
	await expect(page).toHaveURL(/\/es\/guide\/es\/telecom$/);
	await expect(page).toHaveTitle(/Telecomunicaciones en España: dónde escalar/);
	const routes = page.getByRole('region', { name: 'En el orden en que probarlos' });
	await expect(routes.getByRole('listitem').first()).toContainText(
		'Oficina de Atención al Usuario de Telecomunicaciones'
	);
	await expect(routes.getByRole('listitem').first()).toContainText(
		'Acepta su caso 1 mes después de su primera queja a la empresa.'
	);
	await expect(
		routes
			.getByText(
				/Informes en Recourse escalados a «Regulador u organismo de defensa» \(a cualquier organismo de ese tipo, no solo a este\): \d+; resueltos: \d+\./
			)
			.first()
	).toBeVisible();
	await expectAccessible(page);
	await expectFitsPhone(page);

	const breadcrumbs = page.getByRole('navigation', { name: 'Ruta de navegación' });
	await breadcrumbs.getByRole('link', { name: 'España' }).click();
	await expect(page).toHaveURL(/\/es\/guide\/es$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Dónde escalar una reclamación en España'
	);
	await expect(page.getByRole('heading', { name: 'Agència Catalana del Consum' })).toBeVisible();
	await expectAccessible(page);
	await expectFitsPhone(page);

	await page
		.getByRole('navigation', { name: 'Ruta de navegación' })
		.getByRole('link', { name: 'Dónde escalar una reclamación' })
		.click();
	await expect(page).toHaveURL(/\/es\/guide$/);
	await expect(page.getByRole('link', { name: 'Polonia' })).toBeVisible();
	await expectAccessible(page);
	await expectFitsPhone(page);

	// Anyone else reading the report sees where to escalate, with no dates about its author.
	const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
	const stranger = await context.newPage();
	await stranger.goto(reportUrl);
	await expect(stranger.getByRole('region', { name: 'Su siguiente paso' })).toHaveCount(0);
	const escalate = stranger.getByRole('region', { name: 'Dónde escalar' });
	await expect(escalate).toContainText('Oficina de Atención al Usuario de Telecomunicaciones');
	await expect(escalate).not.toContainText('2026');
	await expectAccessible(stranger);
	await expectFitsPhone(stranger);
	await context.close();
});

test('unknown countries and industries are not found; a country with no bodies gets the general route', async ({
	page
}) => {
	for (const path of ['/guide/xx', '/guide/ES', '/guide/es/plumbing', '/guide/espana']) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(404);
	}
	await page.goto('/guide/fr/telecom');
	await expect(page.getByText('Recourse lists no bodies for France yet')).toBeVisible();
	await expect(page.getByRole('link', { name: /Official site/ })).toHaveAttribute(
		'href',
		'https://econsumer.gov/'
	);
	await expectAccessible(page);
	await expectFitsPhone(page);
	await page.getByRole('contentinfo').getByRole('link', { name: 'Where to escalate' }).click();
	await expect(page).toHaveURL(/\/guide$/);
});
