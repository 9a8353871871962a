import AxeBuilder from '@axe-core/playwright';
import { test } from './fixtures';
test.use({ javaScriptEnabled: false });
test('axe time', async ({ page, user: _u }) => {
	test.setTimeout(600_000);
	await page.goto('/reports/new');
	console.log('nodes', await page.evaluate(() => document.querySelectorAll('*').length));
	for (const rules of [['color-contrast'], ['region'], ['duplicate-id']]) {
		const t = Date.now();
		await new AxeBuilder({ page }).withRules(rules).analyze();
		console.log(rules, Date.now() - t);
	}
	const t = Date.now();
	await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).disableRules(['color-contrast']).analyze();
	console.log('all but contrast', Date.now() - t);
});
