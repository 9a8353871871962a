import { readFileSync } from 'node:fs';
import { createCompany } from '../../src/lib/server/companies/companies';
import { expect, test, withDb } from './fixtures';

/** A company with this website, made directly (or the one that already has it). */
function companyOn(name: string, website: string) {
	return withDb((db) => {
		const made = createCompany(db, { name, website }, null);
		if (made.ok) return made.company;
		if ('existing' in made) return made.existing;
		throw new Error(made.reason);
	});
}

/** A message as the reader sees it, from the language's message file. */
function message(lang: string, key: string, params: Record<string, string>): string {
	const text = JSON.parse(readFileSync(`messages/${lang}.json`, 'utf8'))[key] as string;
	return text.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}

test('a company on a free-mail domain cannot be claimed by e-mail, and the page says why in every language', async ({
	page,
	user
}) => {
	expect(user.userId).toBeTruthy();
	const company = companyOn('Mail Giant', 'gmail.com');
	for (const lang of ['en', 'ca', 'de', 'es', 'pl', 'ru']) {
		await page.goto(`${lang === 'en' ? '' : `/${lang}`}/companies/${company.slug}/claim`);
		await expect(
			page.getByText(
				message(lang, 'claim_shared_domain', { domain: 'gmail.com', company: company.name })
			)
		).toBeVisible();
		await expect(page.getByRole('textbox')).toHaveCount(0);
	}
});

test('an address on a look-alike domain under the same public suffix is refused beside the field', async ({
	page,
	user
}) => {
	expect(user.userId).toBeTruthy();
	const stamp = Date.now();
	const company = companyOn(`Corner Shop ${stamp}`, `shop.corner-${stamp}.co.uk`);
	await page.goto(`/companies/${company.slug}/claim`);
	const field = page.getByLabel('Your work e-mail address');
	await field.fill(`someone@random-shop-${stamp}.co.uk`);
	await page.getByRole('button', { name: 'Send the code' }).click();
	await expect(page.getByText(`Use an address on corner-${stamp}.co.uk`)).toBeVisible();
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	// An address on the company's registrable domain is accepted, subdomain or not.
	await field.fill(`care@corner-${stamp}.co.uk`);
	await page.getByRole('button', { name: 'Send the code' }).click();
	await expect(page.getByText(`We sent a code to care@corner-${stamp}.co.uk`)).toBeVisible();
});
