import { eq } from 'drizzle-orm';
import { company, report } from '../../src/lib/server/db/schema';
import { createReport } from '../../src/lib/server/reports/reports';
import { reportInput } from '../../src/lib/server/testing/factories';
import { expect, expectAccessible, setUserRole, signIn, test, withDb } from './fixtures';

/** A report about a company of its own, so that the company's lists hold only it. */
function seedReport(authorId: string, title: string) {
	return withDb((db) => {
		const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
		const made = createReport(
			db,
			reportInput({
				company: `Restored Water ${stamp}`,
				website: `https://restored-${stamp}.example`,
				title
			}),
			authorId
		);
		if (!made.ok) throw new Error('report');
		const slug = db
			.select({ slug: company.slug })
			.from(report)
			.innerJoin(company, eq(company.id, report.companyId))
			.where(eq(report.id, made.id))
			.get()!.slug;
		return { id: made.id, slug };
	});
}

test('in Spanish, a moderator hides a report from its page and restores it from the list: it is back everywhere', async ({
	page,
	browser,
	baseURL,
	request
}) => {
	// Many page loads in one story: three times the default budget on a loaded machine.
	test.slow();
	const author = await signIn(page, baseURL!);
	const title = `Corte de agua sin aviso ${Date.now().toString(36)}`;
	const { id, slug } = seedReport(author.userId, title);

	/** What the public sees of the report: its page, its company's list, figures, export and feed. */
	const publicView = async () => {
		const anonymous = await browser.newContext();
		const visitor = await anonymous.newPage();
		const pageStatus = (await visitor.goto(`/es/reports/${id}`))?.status();
		await visitor.goto(`/es/companies/${slug}`);
		const listed = await visitor.getByRole('link', { name: title }).count();
		const noFigures = await visitor
			.getByText('Todavía no hay informes sobre esta empresa.')
			.count();
		await visitor.goto(`/es/explore?company=${slug}`);
		const explored = await visitor.getByRole('link', { name: title }).count();
		await anonymous.close();
		const exported = await (await request.get(`/explore/export.csv?company=${slug}`)).text();
		const feed = await (await request.get(`/companies/${slug}/feed`)).text();
		return {
			pageStatus,
			listed: listed > 0,
			figures: noFigures === 0,
			explored: explored > 0,
			exported: exported.includes(title),
			feed: feed.includes(title)
		};
	};
	const everywhere = {
		pageStatus: 200,
		listed: true,
		figures: true,
		explored: true,
		exported: true,
		feed: true
	};
	expect(await publicView()).toEqual(everywhere);

	// A moderator hides it from the report's own page; a decision without a note is refused.
	const modContext = await browser.newContext();
	const mod = await modContext.newPage();
	const moderator = await signIn(mod, baseURL!);
	setUserRole(moderator.userId, 'moderator');
	await mod.goto(`/es/reports/${id}`);
	const panel = mod.getByRole('region', { name: 'Moderación' });
	await panel.getByLabel('Decisión').selectOption({ label: 'Ocultar' });
	await panel.getByLabel('Motivo').selectOption({ label: 'Spam' });
	await panel.getByRole('button', { name: 'Aplicar' }).click();
	const note = mod
		.getByRole('region', { name: 'Moderación' })
		.getByLabel('Nota (obligatoria, se muestra al autor)');
	await expect(note).toHaveAccessibleDescription(
		'Escriba una nota: explique el porqué en una frase.'
	);
	await expectAccessible(mod);
	await note.fill('publicidad encubierta');
	await mod
		.getByRole('region', { name: 'Moderación' })
		.getByRole('button', { name: 'Aplicar' })
		.click();
	await expect(mod.getByRole('region', { name: 'Moderación' })).toContainText(
		'Oculto al público. Motivo: Spam.'
	);
	expect(await publicView()).toEqual({
		pageStatus: 404,
		listed: false,
		figures: false,
		explored: false,
		exported: false,
		feed: false
	});

	// The list of hidden items finds it by reason, and restores it with a note.
	await mod.goto('/es/moderation/hidden');
	const filters = mod.getByRole('form', { name: 'Filtros' });
	await filters.getByLabel('Motivo').selectOption({ label: 'Ofensivo' });
	await filters.getByRole('button', { name: 'Filtrar' }).click();
	await expect(mod.getByText('Nada coincide con estos filtros.')).toBeVisible();
	await filters.getByLabel('Motivo').selectOption({ label: 'Spam' });
	await filters.getByRole('button', { name: 'Filtrar' }).click();
	const item = mod.getByRole('article').filter({ hasText: title });
	await expect(item).toContainText('publicidad encubierta');
	await expectAccessible(mod);
	// A reason the list does not know is refused beside its field, never read as "any reason".
	await mod.goto('/es/moderation/hidden?reason=spamm');
	await expect(filters.getByLabel('Motivo')).toHaveAccessibleDescription(
		'Elija una de las opciones.'
	);
	await expect(mod.getByRole('article').filter({ hasText: title })).toHaveCount(0);
	await mod.goto('/es/moderation/hidden?reason=spam');
	await item.getByLabel('Decisión').selectOption({ label: 'Restaurar' });
	await item.getByLabel('Nota (obligatoria, se muestra al autor)').fill('era un error');
	await item.getByRole('button', { name: 'Aplicar' }).click();
	await expect(mod.getByRole('status')).toHaveText('Restaurado: vuelve a ser público.');
	await expect(mod.getByRole('article').filter({ hasText: title })).toHaveCount(0);

	// The audit trail tells the story in Spanish, with the notes.
	await mod.goto('/es/admin/audit');
	const trail = mod.getByRole('table', { name: 'Registro de auditoría' });
	await expect(trail.getByRole('row').filter({ hasText: 'era un error' })).toContainText(
		'Restauró el informe.'
	);
	await expect(trail.getByRole('row').filter({ hasText: 'publicidad encubierta' })).toContainText(
		'Ocultó el informe.'
	);
	await expectAccessible(mod);
	await modContext.close();

	expect(await publicView()).toEqual(everywhere);
});
