import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import ScorecardDistribution from '$lib/components/ScorecardDistribution.svelte';
import { companyScope } from '$lib/server/reports/rollups';
import { getScorecard } from '$lib/server/reports/scorecard';
import { createTestDb } from '$lib/server/testing/db';
import { makeCompany, makeReport, makeUser } from '$lib/server/testing/factories';

/** Two reports to Acme: one tried the phone, the other the phone and email. */
async function acmeScorecard() {
	const db = createTestDb();
	const author = await makeUser(db);
	const acme = makeCompany(db, 'Acme Telecom');
	makeReport(db, author.id, { channels: ['phone'], outcome: 'resolved' });
	makeReport(db, author.id, { channels: ['phone', 'email'], outcome: 'unresolved' });
	return getScorecard(db, companyScope(acme.id));
}

describe('a scorecard distribution', () => {
	it('shares one answer per report out of the answers given', async () => {
		const card = await acmeScorecard();
		const { body } = render(ScorecardDistribution, { props: { card, of: 'outcomes' } });
		expect(body).toContain('<caption>Outcomes <span class="muted">(n = 2)</span>');
		// One answer per report: no note that shares may add up to more than 100%.
		expect(body).not.toContain('more than 100%');
		expect(body).toContain('Unresolved');
		expect(body).toContain('50%');
	});

	it('shares answers a report may give several of out of the reports', async () => {
		const card = await acmeScorecard();
		const { body } = render(ScorecardDistribution, { props: { card, of: 'channels' } });
		// Phone in both reports, email in one: 100 % and 50 % of reports, not 67 % and 33 % of answers.
		expect(body).toContain('<caption>Channels tried <span class="muted">(n = 2)</span>');
		expect(body).toContain('the shares can add up to more than 100%');
		expect(body).toContain('100%');
		expect(body).toContain('50%');
		expect(body).not.toContain('33%');
	});

	it('takes the caption a page gives it', async () => {
		const card = await acmeScorecard();
		const caption = 'Where people took it';
		const { body } = render(ScorecardDistribution, {
			props: { card, of: 'escalations', caption }
		});
		expect(body).toContain(`<caption>${caption} `);
	});
});
