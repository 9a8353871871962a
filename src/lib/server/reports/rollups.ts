/** Company roll-ups (histograms and money per currency) kept in step with reports, in the write's transaction. */
import { and, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { company, companyMoney, companyTally, type Report } from '../db/schema';

type RollupFacts = Pick<
	Report,
	| 'companyId'
	| 'category'
	| 'outcome'
	| 'rating'
	| 'trigger'
	| 'contacts'
	| 'effortMinutes'
	| 'agents'
	| 'promisesBroken'
	| 'currency'
	| 'amountDisputedMinor'
	| 'amountRecoveredMinor'
>;

/** The histogram dimensions of a scorecard and the report column each one counts. */
export const tallyDimensions = {
	category: 'category',
	outcome: 'outcome',
	rating: 'rating',
	trigger: 'trigger',
	contacts: 'contacts',
	effort_minutes: 'effortMinutes',
	agents: 'agents',
	promises_broken: 'promisesBroken'
} as const satisfies Record<string, keyof RollupFacts>;
export type TallyDimension = keyof typeof tallyDimensions;

/** Adds (sign 1) or removes (sign -1) one report's facts from its company's roll-ups. */
export function applyReportToRollups(tx: Db, facts: RollupFacts, sign: 1 | -1): void {
	for (const [dimension, column] of Object.entries(tallyDimensions)) {
		const value = facts[column];
		if (value === null || value === undefined) continue;
		tx.insert(companyTally)
			.values({ companyId: facts.companyId, dimension, key: String(value), n: sign })
			.onConflictDoUpdate({
				target: [companyTally.companyId, companyTally.dimension, companyTally.key],
				set: { n: sql`${companyTally.n} + ${sign}` }
			})
			.run();
	}
	if (facts.currency) {
		const disputed = (facts.amountDisputedMinor ?? 0) * sign;
		const recovered = (facts.amountRecoveredMinor ?? 0) * sign;
		tx.insert(companyMoney)
			.values({
				companyId: facts.companyId,
				currency: facts.currency,
				disputedMinor: disputed,
				recoveredMinor: recovered,
				n: sign
			})
			.onConflictDoUpdate({
				target: [companyMoney.companyId, companyMoney.currency],
				set: {
					disputedMinor: sql`${companyMoney.disputedMinor} + ${disputed}`,
					recoveredMinor: sql`${companyMoney.recoveredMinor} + ${recovered}`,
					n: sql`${companyMoney.n} + ${sign}`
				}
			})
			.run();
	}
	tx.update(company)
		.set({ reportCount: sql`${company.reportCount} + ${sign}` })
		.where(eq(company.id, facts.companyId))
		.run();
	if (sign < 0) {
		tx.delete(companyTally)
			.where(and(eq(companyTally.companyId, facts.companyId), lte(companyTally.n, 0)))
			.run();
		tx.delete(companyMoney)
			.where(and(eq(companyMoney.companyId, facts.companyId), lte(companyMoney.n, 0)))
			.run();
	}
}

/**
 * Recomputes every roll-up from the reports themselves: for bulk loads, and as the reference
 * the incremental updates are tested against.
 */
export function rebuildRollups(db: Db): void {
	db.transaction((tx) => {
		tx.run(sql`delete from company_tally`);
		tx.run(sql`delete from company_money`);
		for (const [dimension, column] of Object.entries(tallyDimensions)) {
			const col = sql.identifier(toSnake(column));
			tx.run(sql`insert into company_tally (company_id, dimension, key, n)
				select company_id, ${dimension}, cast(${col} as text), count(*)
				from report where ${col} is not null group by company_id, ${col}`);
		}
		tx.run(sql`insert into company_money (company_id, currency, disputed_minor, recovered_minor, n)
			select company_id, currency, coalesce(sum(amount_disputed_minor), 0),
				coalesce(sum(amount_recovered_minor), 0), count(*)
			from report where currency is not null group by company_id, currency`);
		tx.run(sql`update company set report_count =
			coalesce((select count(*) from report where report.company_id = company.id), 0)`);
	});
}

function toSnake(name: string): string {
	return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
