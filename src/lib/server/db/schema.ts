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
		/** Roll-up: how many users said "this happened to me too". */
		meTooCount: integer('me_too_count').notNull().default(0),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [
		index('report_company_created_idx').on(t.companyId, t.createdAt, t.id),
		index('report_created_idx').on(t.createdAt, t.id),
		index('report_author_idx').on(t.authorId),
		index('report_category_trigger_idx').on(t.category, t.trigger, t.createdAt),
		// Newest-first lists filtered by category (explore, API, export) read this in order.
		index('report_category_created_idx').on(t.category, t.createdAt, t.id),
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
 * Roll-ups kept in step with reports in every write's transaction: for each scope (`all`,
 * `company:<id>`, `pattern:<slug>`), a histogram per dimension: (dimension, key) → n.
 * Counts, sums, means, medians, distributions and time series of every aggregate page are read
 * from here, never by scanning reports. Money sums use the dimensions `disputed` and
 * `recovered` with the currency as key and the sum of minor units as n.
 */
export const rollup = sqliteTable(
	'rollup',
	{
		scope: text('scope').notNull(),
		dimension: text('dimension').notNull(),
		key: text('key').notNull(),
		n: integer('n').notNull()
	},
	(t) => [primaryKey({ columns: [t.scope, t.dimension, t.key] })]
);

/** A recurring failure: a category of failure after a triggering life event, across companies. */
export const pattern = sqliteTable(
	'pattern',
	{
		slug: text('slug').primaryKey(),
		category: text('category', { enum: categories }).notNull(),
		trigger: text('trigger', { enum: triggers }).notNull(),
		reportCount: integer('report_count').notNull().default(0),
		/** Companies with at least one report of this pattern. */
		companyCount: integer('company_count').notNull().default(0),
		meTooCount: integer('me_too_count').notNull().default(0)
	},
	(t) => [index('pattern_report_count_idx').on(t.reportCount)]
);

/** "This happened to me too": one per user and report, a signal of how common a failure is. */
export const reportMeToo = sqliteTable(
	'report_me_too',
	{
		reportId: integer('report_id')
			.notNull()
			.references(() => report.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.reportId, t.userId] }),
		index('report_me_too_user_idx').on(t.userId)
	]
);

export type User = typeof user.$inferSelect;
export type Session = typeof session.$inferSelect;
export type Company = typeof company.$inferSelect;
export type Report = typeof report.$inferSelect;
export type NewReport = typeof report.$inferInsert;
export type Pattern = typeof pattern.$inferSelect;
