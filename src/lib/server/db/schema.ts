/** Every table of Recourse. Row types are inferred from here; vocabularies come from taxonomy.ts. */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { categories, channels, escalations, industries, outcomes, triggers } from '../../taxonomy';

export const roles = ['user', 'moderator', 'admin'] as const;
export type Role = (typeof roles)[number];

export const user = sqliteTable('user', {
	id: text('id').primaryKey(),
	/** Stored lower-cased; unique. Never shown publicly. */
	email: text('email').notNull().unique(),
	passwordHash: text('password_hash').notNull(),
	/** The public name shown on reports: a pseudonym by default. */
	displayName: text('display_name').notNull(),
	role: text('role', { enum: roles }).notNull().default('user'),
	createdAt: integer('created_at').notNull()
});

export const session = sqliteTable(
	'session',
	{
		/** SHA-256 of the cookie token, hex: a stolen database does not yield usable sessions. */
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at').notNull()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

export const company = sqliteTable(
	'company',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		slug: text('slug').notNull().unique(),
		name: text('name').notNull(),
		/** Normalised name (case, punctuation and legal suffixes removed) used to refuse duplicates. */
		nameKey: text('name_key').notNull().unique(),
		/** Registrable domain of the company's website, lower-case, without www. */
		domain: text('domain').unique(),
		website: text('website'),
		industry: text('industry', { enum: industries }),
		/** Roll-up kept in step with its reports, so that rankings need no count over reports. */
		reportCount: integer('report_count').notNull().default(0),
		createdAt: integer('created_at').notNull(),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' })
	},
	(t) => [
		index('company_report_count_idx').on(t.reportCount, t.id),
		index('company_created_by_idx').on(t.createdBy)
	]
);

export const report = sqliteTable(
	'report',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		companyId: integer('company_id')
			.notNull()
			.references(() => company.id, { onDelete: 'restrict' }),
		authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
		title: text('title').notNull(),
		product: text('product').notNull(),
		category: text('category', { enum: categories }).notNull(),
		trigger: text('trigger', { enum: triggers }),
		/** Calendar dates (ISO 8601, YYYY-MM-DD): the consumer knows the day, not the instant. */
		startedOn: text('started_on').notNull(),
		endedOn: text('ended_on'),
		contacts: integer('contacts'),
		effortMinutes: integer('effort_minutes'),
		agents: integer('agents'),
		promisesBroken: integer('promises_broken'),
		currency: text('currency'),
		/** Money in the currency's minor unit (cents), never floating point. */
		amountDisputedMinor: integer('amount_disputed_minor'),
		amountRecoveredMinor: integer('amount_recovered_minor'),
		outcome: text('outcome', { enum: outcomes }).notNull(),
		rating: integer('rating').notNull(),
		narrative: text('narrative').notNull(),
		/** The narrative rendered from Markdown and sanitised on save; the only HTML a page prints. */
		narrativeHtml: text('narrative_html').notNull(),
		language: text('language').notNull(),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [
		index('report_company_created_idx').on(t.companyId, t.createdAt, t.id),
		index('report_created_idx').on(t.createdAt, t.id),
		index('report_author_idx').on(t.authorId),
		check('report_rating_range', sql`${t.rating} between 1 and 5`)
	]
);

export const reportChannel = sqliteTable(
	'report_channel',
	{
		reportId: integer('report_id')
			.notNull()
			.references(() => report.id, { onDelete: 'cascade' }),
		channel: text('channel', { enum: channels }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.reportId, t.channel] }),
		index('report_channel_channel_idx').on(t.channel, t.reportId)
	]
);

export const reportEscalation = sqliteTable(
	'report_escalation',
	{
		reportId: integer('report_id')
			.notNull()
			.references(() => report.id, { onDelete: 'cascade' }),
		escalation: text('escalation', { enum: escalations }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.reportId, t.escalation] }),
		index('report_escalation_escalation_idx').on(t.escalation, t.reportId)
	]
);

/**
 * Per-company histograms kept in step with reports on every write: (dimension, key) → number of reports.
 * Dimensions: category, outcome, rating, trigger, contacts, effort_minutes, agents, promises_broken.
 * Counts, sums, means and medians of a scorecard are all read from here, never from the report table.
 */
export const companyTally = sqliteTable(
	'company_tally',
	{
		companyId: integer('company_id')
			.notNull()
			.references(() => company.id, { onDelete: 'cascade' }),
		dimension: text('dimension').notNull(),
		key: text('key').notNull(),
		n: integer('n').notNull()
	},
	(t) => [primaryKey({ columns: [t.companyId, t.dimension, t.key] })]
);

/** Per-company, per-currency money roll-up (amounts cannot be added across currencies). */
export const companyMoney = sqliteTable(
	'company_money',
	{
		companyId: integer('company_id')
			.notNull()
			.references(() => company.id, { onDelete: 'cascade' }),
		currency: text('currency').notNull(),
		disputedMinor: integer('disputed_minor').notNull(),
		recoveredMinor: integer('recovered_minor').notNull(),
		n: integer('n').notNull()
	},
	(t) => [primaryKey({ columns: [t.companyId, t.currency] })]
);

export type User = typeof user.$inferSelect;
export type Session = typeof session.$inferSelect;
export type Company = typeof company.$inferSelect;
export type Report = typeof report.$inferSelect;
export type NewReport = typeof report.$inferInsert;
