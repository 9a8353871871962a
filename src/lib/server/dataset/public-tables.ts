/** What the downloadable dataset holds besides reports: each public table's public columns, read from one snapshot. */

/** Milliseconds since the epoch as the export writes instants (`2026-11-29T10:15:00.000Z`). */
const iso = (column: string) =>
	`case when ${column} is null then null else strftime('%Y-%m-%dT%H:%M:%fZ', ${column} / 1000.0, 'unixepoch') end`;

/** Only what the site shows: reports and responses a moderator hid stay out with everything hanging off them. */
const visibleReport = (column: string) =>
	`${column} in (select id from report where hidden_at is null)`;

export type PublicTable = {
	/** The table's name in the SQLite file and the CSV's file name. */
	name: string;
	/** Columns in order, with their SQLite type in the published file. */
	columns: readonly (readonly [name: string, type: 'INTEGER' | 'TEXT' | 'REAL'])[];
	/** One select giving those columns, in that order, from the live schema. */
	select: string;
};

/**
 * The tables besides `report` (whose columns are the export's, src/lib/server/reports/export.ts).
 * Left out on purpose: users, sessions, e-mail addresses, who created or answered what (author
 * and user ids), flags, moderation reviews, the audit trail, mail, claims and representatives.
 */
export const publicTables: readonly PublicTable[] = [
	{
		name: 'company',
		columns: [
			['id', 'INTEGER'],
			['slug', 'TEXT'],
			['name', 'TEXT'],
			['domain', 'TEXT'],
			['website', 'TEXT'],
			['industry', 'TEXT'],
			['report_count', 'INTEGER'],
			['created_at', 'TEXT']
		],
		select: `select id, slug, name, domain, website, industry, report_count, ${iso('created_at')}
			from company order by id`
	},
	{
		name: 'pattern',
		columns: [
			['slug', 'TEXT'],
			['category', 'TEXT'],
			['trigger', 'TEXT'],
			['report_count', 'INTEGER'],
			['company_count', 'INTEGER'],
			['me_too_count', 'INTEGER']
		],
		select: `select slug, category, "trigger", report_count, company_count, me_too_count
			from pattern order by slug`
	},
	{
		name: 'company_response',
		columns: [
			['id', 'INTEGER'],
			['report_id', 'INTEGER'],
			['company_id', 'INTEGER'],
			['source', 'TEXT'],
			['body', 'TEXT'],
			['action', 'TEXT'],
			['timely', 'INTEGER'],
			['created_at', 'TEXT'],
			['edited_at', 'TEXT'],
			['verdict', 'TEXT'],
			['verdict_comment', 'TEXT'],
			['verdict_at', 'TEXT'],
			['resolved_after', 'INTEGER']
		],
		select: `select id, report_id, company_id, source, body, action, timely, ${iso('created_at')},
				${iso('edited_at')}, verdict, verdict_comment, ${iso('verdict_at')}, resolved_after
			from company_response where hidden_at is null and ${visibleReport('report_id')} order by id`
	},
	{
		// Every failure a report names (decision 028); report.category is the first of them.
		name: 'report_category',
		columns: [
			['report_id', 'INTEGER'],
			['category', 'TEXT']
		],
		select: `select report_id, category from report_category where ${visibleReport('report_id')}
			order by report_id, category`
	},
	{
		// Every circumstance a report names; report.trigger is the first of them.
		name: 'report_trigger',
		columns: [
			['report_id', 'INTEGER'],
			['trigger', 'TEXT']
		],
		select: `select report_id, "trigger" from report_trigger where ${visibleReport('report_id')}
			order by report_id, "trigger"`
	},
	{
		name: 'report_channel',
		columns: [
			['report_id', 'INTEGER'],
			['channel', 'TEXT']
		],
		select: `select report_id, channel from report_channel where ${visibleReport('report_id')}
			order by report_id, channel`
	},
	{
		name: 'report_escalation',
		columns: [
			['report_id', 'INTEGER'],
			['escalation', 'TEXT']
		],
		select: `select report_id, escalation from report_escalation where ${visibleReport('report_id')}
			order by report_id, escalation`
	},
	{
		name: 'report_event',
		columns: [
			['report_id', 'INTEGER'],
			['position', 'INTEGER'],
			['kind', 'TEXT'],
			['occurred_on', 'TEXT'],
			['occurred_at', 'TEXT'],
			['promised_on', 'TEXT'],
			['promised_at', 'TEXT'],
			['escalation_to', 'TEXT'],
			['note', 'TEXT']
		],
		select: `select report_id, position, kind, occurred_on, occurred_at, promised_on, promised_at,
				escalation_to, note
			from report_event where ${visibleReport('report_id')} order by report_id, position`
	}
];
