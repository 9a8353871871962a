/**
 * Issue 15 item 4: a Spanish consumer files a telecom report with its timeline, writes the
 * complaint letter in Spanish (to the company, then to the body the guide names), prints it,
 * and nobody else can open it. What was typed on the letter form is stored nowhere.
 */
import type { Page } from '@playwright/test';
import { expect, expectAccessible, signIn, test, withDb } from './fixtures';

/** Files the report through the Spanish form; returns the report page's path. */
async function fileSpanishReport(page: Page, company: string): Promise<string> {
	await page.goto('/es/reports/new');
	await page.getByLabel('Nombre de la empresa').fill(company);
	await page
		.getByLabel(/Sitio web de la empresa/)
		.fill(`${company.toLowerCase().replace(/\W+/g, '-')}.example`);
	await page.getByLabel(/^Sector/).selectOption({ label: 'Telecomunicaciones' });
	await page.getByLabel('Título').fill('Sin línea fija ni internet durante semanas');
	await page.getByLabel('Producto o servicio afectado').fill('Fibra y fijo');
	await page.getByLabel('Qué falló').selectOption({ label: 'Corte del servicio' });
	await page.getByLabel('Comenzó el').fill('2026-09-01');
	await page.getByLabel('Moneda').selectOption('EUR');
	await page.getByLabel('Importe en disputa (opcional)').fill('120,50');
	await page.getByLabel('Su país (opcional)').selectOption({ label: 'España' });
	await page.getByLabel('Resultado').selectOption({ label: 'Sin resolver' });
	await page.getByRole('radio', { name: '1 estrella' }).check();
	await page
		.getByLabel('Qué ocurrió, con sus palabras')
		.fill('La línea se cortó y la compañía prometió repararla, pero no lo hizo.');
	const rows = [
		{ kind: 'Primer contacto', date: '2026-09-01', note: 'Incidencia 48213' },
		{ kind: 'Promesa hecha', date: '2026-09-02', promised: '2026-09-05' },
		{ kind: 'Promesa incumplida', date: '2026-09-05' }
	];
	for (const [i, row] of rows.entries()) {
		if (i >= 2) await page.getByRole('button', { name: 'Añadir otro evento' }).click();
		const event = page.getByRole('group', { name: `Evento ${i + 1}`, exact: true });
		await event.getByLabel('Qué pasó').selectOption({ label: row.kind });
		await event.getByLabel('Fecha', { exact: true }).fill(row.date);
		if (row.promised) await event.getByLabel('Prometido para (fecha)').fill(row.promised);
		if (row.note) await event.getByLabel('Detalles (opcional)').fill(row.note);
	}
	await page.getByRole('button', { name: 'Publicar informe' }).click();
	await page.waitForURL(/\/es\/reports\/\d+/);
	return new URL(page.url()).pathname;
}

/** Every stored row of every table, as text: what the database holds after the letter. */
function everythingStored(): string {
	return withDb((db) => {
		const c = db.$client;
		const tables = c
			.prepare("select name from sqlite_master where type = 'table'")
			.pluck()
			.all() as string[];
		return tables.map((t) => JSON.stringify(c.prepare(`select * from "${t}"`).all())).join('\n');
	});
}

async function expectNoWiderThan320(page: Page) {
	await page.setViewportSize({ width: 320, height: 800 });
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, new URL(page.url()).pathname).toBeLessThanOrEqual(320);
	await page.setViewportSize({ width: 1280, height: 800 });
}

test('a Spanish telecom report: the letter in Spanish to the company and to the body, printed alone, for its author only', async ({
	page,
	user: _user,
	browser,
	baseURL
}) => {
	test.setTimeout(240_000);
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	const company = `Telefonía Carta ${Date.now()}`;
	const reportPath = await fileSpanishReport(page, company);

	await page.getByRole('link', { name: 'Escribir una carta de reclamación' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Carta de reclamación');
	const letterPath = new URL(page.url()).pathname;
	expect(letterPath).toBe(`${reportPath}/letter`);
	const got = await page.request.get(letterPath);
	expect(got.headers()['cache-control']).toBe('private, no-store');
	await expectAccessible(page);

	await page.getByLabel('Su nombre').fill('Ana Carta Prueba');
	await page.getByLabel('Su dirección postal (opcional)').fill('Calle Mayor 12\n28013 Madrid');
	await page.getByLabel('Número de cliente o de contrato (opcional)').fill('CLI-55219');
	// A wrong deadline: told beside the field (checked by axe too), the rest kept.
	const deadline = page.getByLabel('Días de plazo para responder');
	await deadline.fill('catorce');
	await page.getByRole('button', { name: 'Redactar la carta' }).click();
	await expect(deadline).toHaveAccessibleDescription(/Escriba un número entero de días/);
	await expect(page.getByLabel('Su nombre')).toHaveValue('Ana Carta Prueba');
	await expectAccessible(page);
	await deadline.fill('14');
	const posted = page.waitForResponse((r) => r.request().method() === 'POST');
	await page.getByRole('button', { name: 'Redactar la carta' }).click();
	expect((await posted).headers()['cache-control']).toBe('private, no-store');

	const letter = page.getByRole('region', { name: 'Su carta' });
	await expect(letter).toContainText('Muy señores míos:');
	await expect(letter).toContainText('Ana Carta Prueba\nCalle Mayor 12\n28013 Madrid');
	await expect(letter).toContainText('Número de cliente o de contrato: CLI-55219');
	await expect(letter).toContainText('Asunto: Reclamación formal – Sin línea fija');
	await expect(letter).toContainText('El problema comenzó el 1 de septiembre de 2026.');
	await expect(letter).toContainText(
		'- 1 de septiembre de 2026: Primer contacto – Incidencia 48213'
	);
	await expect(letter).toContainText(
		'- prometido para el 5 de septiembre de 2026, incumplido el 5 de septiembre de 2026'
	);
	await expect(letter).toContainText('El importe en disputa asciende a 120,50 €.');
	await expect(letter).toContainText('- el reembolso de 120,50 €');
	await expect(letter).toContainText(
		'lo trasladaré a Oficina de Atención al Usuario de Telecomunicaciones.'
	);
	await expectAccessible(page);

	// Copied with JavaScript, exactly as shown.
	await letter.getByRole('button', { name: 'Copiar la carta' }).click();
	await expect(letter.getByRole('status')).toHaveText('La carta se ha copiado.');
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	expect(copied).toContain('Muy señores míos:');
	expect(copied).toContain('Ana Carta Prueba');

	// To the body the escalation guide names for Spanish telecoms.
	await page
		.getByLabel('Destinatario')
		.selectOption({ label: 'Oficina de Atención al Usuario de Telecomunicaciones' });
	await page.getByRole('button', { name: 'Redactar la carta' }).click();
	await expect(letter).toContainText(`Asunto: Reclamación contra ${company}`);
	await expect(letter).toContainText(
		`Reclamé por primera vez a ${company} el 1 de septiembre de 2026, y no ha resuelto el asunto.`
	);
	await expect(letter).toContainText('esa fecha es el 1 de octubre de 2026');
	// What was typed is still in the form.
	await expect(page.getByLabel('Su nombre')).toHaveValue('Ana Carta Prueba');
	await expectAccessible(page);
	await expectNoWiderThan320(page);

	// Printed: the letter alone.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('banner')).toBeHidden();
	await expect(page.getByRole('navigation', { name: 'Principal' })).toBeHidden();
	await expect(page.getByRole('contentinfo')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Redactar la carta' })).toBeHidden();
	await expect(page.getByLabel('Su nombre')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Copiar la carta' })).toBeHidden();
	await expect(page.getByText('Muy señores míos:')).toBeVisible();
	await page.screenshot({ path: 'test-results/screens/letter-print.png', fullPage: true });
	await page.emulateMedia({ media: 'screen' });

	// The name, address and account number typed for the letter are stored nowhere.
	const stored = everythingStored();
	expect(stored).not.toContain('Ana Carta Prueba');
	expect(stored).not.toContain('CLI-55219');

	await page.goto(reportPath);
	await expectNoWiderThan320(page);

	// Anyone else: the letter does not exist, signed in or not.
	for (const signedIn of [false, true]) {
		const context = await browser.newContext({ baseURL });
		const other = await context.newPage();
		if (signedIn) await signIn(other, baseURL!);
		const response = await other.goto(letterPath);
		expect(response?.status(), signedIn ? 'another user' : 'a signed-out visitor').toBe(404);
		await expect(other.getByText('Ana Carta Prueba')).toHaveCount(0);
		await context.close();
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the letter form keeps what was typed, shows each error beside its field, then writes the letter', async ({
		page,
		user: _user
	}) => {
		test.setTimeout(240_000);
		const reportPath = await fileSpanishReport(page, `Telefonía Sin JS ${Date.now()}`);
		await page.goto(`${reportPath}/letter`);
		await page.getByLabel('Su nombre').fill('Berta Sin Script');
		await page.getByLabel('Días de plazo para responder').fill('dos semanas');
		await page.getByRole('checkbox', { name: 'Una respuesta definitiva por escrito' }).uncheck();
		await page.getByRole('checkbox', { name: 'Que reparen el servicio' }).uncheck();
		await page.getByRole('checkbox', { name: 'El reembolso del importe en disputa' }).uncheck();
		await page.getByRole('button', { name: 'Redactar la carta' }).click();

		const deadline = page.getByLabel('Días de plazo para responder');
		await expect(deadline).toHaveAttribute('aria-invalid', 'true');
		await expect(deadline).toHaveAccessibleDescription(
			/Escriba un número entero de días entre 1 y 365\./
		);
		await expect(deadline).toHaveValue('dos semanas');
		await expect(page.getByText('Elija al menos una cosa que solicitar.')).toBeVisible();
		await expect(page.getByLabel('Su nombre')).toHaveValue('Berta Sin Script');
		await expect(page.getByRole('region', { name: 'Su carta' })).toHaveCount(0);

		await deadline.fill('30');
		await page
			.getByRole('checkbox', { name: 'Una compensación por el tiempo y las molestias' })
			.check();
		await page.getByRole('button', { name: 'Redactar la carta' }).click();
		const letter = page.getByRole('region', { name: 'Su carta' });
		await expect(letter).toContainText('una compensación por el tiempo perdido');
		await expect(letter).toContainText('Berta Sin Script');
		// The copy button needs a script: without one it is not offered.
		await expect(page.getByRole('button', { name: 'Copiar la carta' })).toHaveCount(0);
	});
});
