/**
 * Issue 17 item 3, in Spanish: the company answers, the consumer replies and disputes, the company
 * answers again, the consumer accepts. The page shows the thread in order, each entry's side and
 * date; the scorecard counts one response and the last verdict.
 */
import type { Page } from '@playwright/test';
import { setRole } from '../../src/lib/server/auth/roles';
import { createUser } from '../../src/lib/server/auth/users';
import { createCompany } from '../../src/lib/server/companies/companies';
import { grantRepresentative } from '../../src/lib/server/companies/representatives';
import { createReport } from '../../src/lib/server/reports/reports';
import { reportInput } from '../../src/lib/server/testing/factories';
import {
	expect,
	expectAccessible,
	signIn,
	test,
	uniqueEmail,
	withDb,
	withDbAsync
} from './fixtures';

/** A company, one report about it by the author, and the representative granted by a moderator. */
async function seed(authorId: string, representativeEmail: string) {
	const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
	const moderator = await withDbAsync((db) =>
		createUser(db, { email: uniqueEmail('conversation-mod'), password: 'a long enough password' })
	);
	if (!moderator.ok) throw new Error('moderator');
	return withDb((db) => {
		setRole(db, { email: moderator.user.email, role: 'moderator', actorId: null });
		const made = createCompany(
			db,
			{ name: `Telefónica Prueba ${stamp}`, website: `https://telefonica-${stamp}.example` },
			null
		);
		if (!made.ok) throw new Error('company');
		const report = createReport(
			db,
			reportInput({
				company: made.company.name,
				title: 'Me cobraron dos veces la cuota de alta',
				category: 'billing-error',
				language: 'es',
				outcome: 'unresolved'
			}),
			authorId
		);
		if (!report.ok) throw new Error('report');
		const granted = grantRepresentative(
			db,
			{ id: moderator.user.id, role: 'moderator' },
			{ companyId: made.company.id, email: representativeEmail, reason: 'Comprobado.' }
		);
		if (!granted.ok) throw new Error('grant');
		return { company: made.company, reportId: report.id };
	});
}

async function expectNoWiderThan320(page: Page) {
	await page.setViewportSize({ width: 320, height: 800 });
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, new URL(page.url()).pathname).toBeLessThanOrEqual(320);
	await page.setViewportSize({ width: 1280, height: 800 });
}

test('en español: la empresa responde, el consumidor replica e impugna, la empresa vuelve a responder y el consumidor acepta', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	const consumer = await signIn(page, baseURL!);
	const repContext = await browser.newContext();
	const rep = await repContext.newPage();
	const representative = await signIn(rep, baseURL!);
	const { company, reportId } = await seed(consumer.userId, representative.email);
	const path = `/es/reports/${reportId}`;

	// The company's first answer.
	await rep.goto(path);
	const repThread = rep.getByRole('region', { name: 'Respuesta de la empresa' });
	await repThread
		.getByLabel('Su respuesta pública')
		.fill('Hemos anulado el segundo cargo y lo verá en su próxima factura.');
	await repThread.getByRole('radio', { name: 'Solucionó el problema' }).check();
	await repThread.getByRole('button', { name: 'Publicar la respuesta' }).click();
	await expect(rep.getByRole('status')).toContainText('Su respuesta está publicada.');
	// The consumer speaks next: the company is told it waits.
	await expect(repThread.getByText('Esperando la respuesta del consumidor.')).toBeVisible();
	await expect(repThread.getByRole('button', { name: 'Publicar mensaje' })).toHaveCount(0);

	// The consumer disputes it, and replies: an empty reply is refused beside its field.
	await page.goto(path);
	const thread = page.getByRole('region', { name: 'Respuesta de la empresa' });
	await thread.getByRole('radio', { name: 'Impugno la respuesta' }).check();
	await thread.getByLabel('Comentario').fill('La factura nueva trae el mismo cargo.');
	await thread.getByLabel('Cómo están las cosas ahora').selectOption({ label: 'Sin resolver' });
	await thread.getByRole('button', { name: 'Enviar mi valoración' }).click();
	await expect(page.getByRole('status')).toHaveText('Su valoración está publicada.');
	const replyLabel = `Su respuesta a ${company.name}`;
	await thread.getByRole('button', { name: 'Publicar mensaje' }).click();
	await expect(thread.getByLabel(replyLabel)).toHaveAttribute('aria-invalid', 'true');
	await expect(thread.getByText('Escriba su mensaje.')).toBeVisible();
	await thread
		.getByLabel(replyLabel)
		.fill('El cargo sigue en la factura de **noviembre**. Llámenme al 612 345 678.');
	await thread.getByRole('button', { name: 'Publicar mensaje' }).click();
	await expect(page.getByRole('status')).toHaveText('Su mensaje se ha publicado.');
	await expect(thread.getByText(`Esperando la respuesta de ${company.name}.`)).toBeVisible();
	// Redacted like a report: the phone number is not published.
	await expect(thread.getByText('612 345 678')).toHaveCount(0);
	await expectAccessible(page);

	// The company answers again.
	await rep.goto(path);
	await repThread
		.getByLabel(`Responder de nuevo en nombre de ${company.name}`)
		.fill('Tiene razón: el abono sale en la factura de diciembre, con los intereses.');
	await repThread.getByRole('button', { name: 'Publicar mensaje' }).click();
	await expect(rep.getByRole('status')).toHaveText('Su mensaje se ha publicado.');
	await repContext.close();

	// The consumer changes the verdict after the later answer.
	await page.goto(path);
	await thread.getByRole('radio', { name: 'Acepto la respuesta' }).check();
	await thread.getByLabel('Cómo están las cosas ahora').selectOption({ label: 'Resuelto' });
	await thread.getByRole('button', { name: 'Enviar mi valoración' }).click();
	await expect(page.getByRole('status')).toHaveText('Su valoración está publicada.');

	// The thread, in order, each entry with its side and date; the verdict is the last one.
	const conversation = page.getByRole('region', { name: 'Conversación tras la respuesta' });
	await expect(conversation).toContainText('hasta 10 mensajes en total. Mensajes restantes: 8.');
	const entries = conversation.getByRole('listitem');
	await expect(entries).toHaveCount(2);
	await expect(entries.nth(0)).toContainText(`${consumer.displayName}, el consumidor`);
	await expect(entries.nth(0).locator('strong', { hasText: 'noviembre' })).toBeVisible();
	await expect(entries.nth(1)).toContainText(`${company.name}, la empresa`);
	await expect(entries.nth(1)).toContainText('el abono sale en la factura de diciembre');
	for (const entry of await entries.all()) {
		await expect(entry.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
	}
	const verdict = thread.getByRole('article', { name: 'La valoración del consumidor' });
	await expect(verdict).toContainText('Aceptada');
	await expectAccessible(page);
	await expectNoWiderThan320(page);

	// Anyone else signed in may flag an entry for moderators: the flag names that entry.
	const readerContext = await browser.newContext();
	const reader = await readerContext.newPage();
	await signIn(reader, baseURL!);
	await reader.goto(path);
	const companyEntry = reader
		.getByRole('region', { name: 'Conversación tras la respuesta' })
		.getByRole('listitem')
		.nth(1);
	await companyEntry.getByText('Denunciar este mensaje a los moderadores').click();
	await companyEntry.getByRole('radio', { name: 'Ofensivo' }).check();
	await companyEntry.getByRole('button', { name: 'Enviar la denuncia' }).click();
	await expect(reader.getByRole('status')).toHaveText('Gracias: los moderadores lo revisarán.');
	const flagged = withDb((db) =>
		db.$client
			.prepare(
				`select f.target_type as type, e.role from flag f join response_entry e on e.id = f.target_id
				where f.target_type = 'entry' and e.report_id = ?`
			)
			.all(reportId)
	);
	expect(flagged).toEqual([{ type: 'entry', role: 'company' }]);
	await readerContext.close();

	// The scorecard: one response, accepted (the last verdict), none disputed.
	await page.goto(`/es/companies/${company.slug}`);
	const figures = page.getByRole('table', { name: 'Cómo responde la empresa' });
	await expect(figures.getByRole('row', { name: /Tasa de respuesta/ })).toContainText(/100\s*%/);
	await expect(figures.getByRole('row', { name: /Respuestas aceptadas/ })).toContainText(/100\s*%/);
	await expect(figures.getByRole('row', { name: /Respuestas impugnadas/ })).toContainText(
		/(^|\D)0\s*%/
	);
	await expectAccessible(page);
});
