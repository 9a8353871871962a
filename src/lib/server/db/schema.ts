/** Every table of Recourse. Row types are inferred from here; vocabularies come from taxonomy.ts. */
import { sql } from 'drizzle-orm';
import {
	check,
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import {
	categories,
	channels,
	escalations,
	flagReasons,
	industries,
	outcomes,
	reportSources,
	responseActions,
	triggers,
	verdicts
} from '../../taxonomy';
import { eventKinds, resolutionRoutes } from '../../case-timeline';

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
	/** The interface language the user last signed in with: what mail to them is written in. */
	locale: text('locale'),
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
		/** "50+": the count above is a lower bound the consumer gave, counted as stated. */
		contactsAtLeast: integer('contacts_at_least', { mode: 'boolean' }).notNull().default(false),
		effortAtLeast: integer('effort_at_least', { mode: 'boolean' }).notNull().default(false),
		agentsAtLeast: integer('agents_at_least', { mode: 'boolean' }).notNull().default(false),
		/** Typed, or counted from the timeline's broken promises when it has any. */
		promisesBroken: integer('promises_broken'),
		/** Counted from the timeline's promises; null without a timeline. */
		promisesMade: integer('promises_made'),
		currency: text('currency'),
		/** Money in the currency's minor unit (cents), never floating point. */
		amountDisputedMinor: integer('amount_disputed_minor'),
		amountRecoveredMinor: integer('amount_recovered_minor'),
		/** The value of the order or transaction itself, beside the amount disputed. */
		orderValueMinor: integer('order_value_minor'),
		/** ISO 3166-1 alpha-2 of the consumer's country, and ISO 3166-2 of the region; nothing finer. */
		country: text('country'),
		region: text('region'),
		/** Derived from the timeline (src/lib/case-timeline.ts): service lost to restored. */
		outageMinutes: integer('outage_minutes'),
		/** Derived: how far the first broken promise missed its promised time (negative: early). */
		promiseDeltaMinutes: integer('promise_delta_minutes'),
		/** Derived: the date of the timeline's "resolved" event. */
		resolvedOn: text('resolved_on'),
		/** What finally resolved the case, as its author confirmed: the company alone or an escalation. */
		resolvedBy: text('resolved_by', { enum: resolutionRoutes }),
		outcome: text('outcome', { enum: outcomes }).notNull(),
		/** 1–5; null only for imported records, which carry no rating. */
		rating: integer('rating'),
		narrative: text('narrative').notNull(),
		/** The narrative rendered from Markdown and sanitised on save; the only HTML a page prints. */
		narrativeHtml: text('narrative_html').notNull(),
		language: text('language').notNull(),
		/** Roll-up: how many users said "this happened to me too". */
		meTooCount: integer('me_too_count').notNull().default(0),
		/** Where the record comes from: written on Recourse, or imported from public data. */
		source: text('source', { enum: reportSources }).notNull().default('recourse'),
		/** The record's id in its source (e.g. the CFPB complaint ID); unique per source. */
		externalId: text('external_id'),
		/** Source-specific facts kept as published (JSON object), e.g. CFPB product and issue. */
		sourceDetails: text('source_details'),
		/** Vulnerability tags (JSON array of strings), e.g. "older-american", "servicemember". */
		tags: text('tags'),
		/** Set when a moderator hides the report: it leaves every public view and roll-up. */
		hiddenAt: integer('hidden_at'),
		hiddenReason: text('hidden_reason', { enum: flagReasons }),
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
		uniqueIndex('report_source_external_idx').on(t.source, t.externalId),
		index('report_country_region_idx').on(t.country, t.region),
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
 * Every category a report names: its primary one (`report.category`, which lists and indexes
 * that mean "primary" keep reading) and any further ones (decision 028).
 */
export const reportCategory = sqliteTable(
	'report_category',
	{
		reportId: integer('report_id')
			.notNull()
			.references(() => report.id, { onDelete: 'cascade' }),
		category: text('category', { enum: categories }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.reportId, t.category] }),
		index('report_category_category_idx').on(t.category, t.reportId)
	]
);

/** Every circumstance (trigger) a report names; `report.trigger` holds the first of them. */
export const reportTrigger = sqliteTable(
	'report_trigger',
	{
		reportId: integer('report_id')
			.notNull()
			.references(() => report.id, { onDelete: 'cascade' }),
		trigger: text('trigger', { enum: triggers }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.reportId, t.trigger] }),
		index('report_trigger_trigger_idx').on(t.trigger, t.reportId)
	]
);

/** One dated event of a report's timeline, in the order the case unfolded. */
export const reportEvent = sqliteTable(
	'report_event',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		reportId: integer('report_id')
			.notNull()
			.references(() => report.id, { onDelete: 'cascade' }),
		/** 0, 1, 2… in time order (ties keep the order the author typed). */
		position: integer('position').notNull(),
		kind: text('kind', { enum: eventKinds }).notNull(),
		/** The consumer's local calendar date and, when known, time of day (HH:MM). */
		occurredOn: text('occurred_on').notNull(),
		occurredAt: text('occurred_at'),
		promisedOn: text('promised_on'),
		promisedAt: text('promised_at'),
		escalationTo: text('escalation_to', { enum: escalations }),
		note: text('note')
	},
	(t) => [uniqueIndex('report_event_report_position_idx').on(t.reportId, t.position)]
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

/**
 * Which reports changed, in commit order: written by triggers on `report`, `report_channel` and
 * `report_escalation` (drizzle/0004), whoever writes (the server, an import, a script). The
 * in-memory facet index (src/lib/server/reports/facets.ts) reads it to stay in step. No foreign
 * key: a deleted report's id is logged too.
 */
export const reportChange = sqliteTable('report_change', {
	seq: integer('seq').primaryKey({ autoIncrement: true }),
	reportId: integer('report_id').notNull()
});

/**
 * The version of everything public pages show, shared by every process on the database file:
 * one row, bumped by triggers (drizzle/0005) on each public table but `report`'s inserts and
 * deletes, which `report_change` already counts. HTTP validators (ETags) are derived from it
 * with `report_change`'s last seq (src/lib/server/db/data-version.ts; docs/decisions/015).
 * `epoch` is random per database and renewed by a restore, so that versions never repeat.
 */
export const dataVersion = sqliteTable(
	'data_version',
	{
		id: integer('id').primaryKey(),
		version: integer('version').notNull().default(0),
		epoch: integer('epoch').notNull()
	},
	(t) => [check('data_version_one_row', sql`${t.id} = 1`)]
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

/** A user's verified right to answer for a company; revoked rows stay for the record. */
export const companyRepresentative = sqliteTable(
	'company_representative',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		companyId: integer('company_id')
			.notNull()
			.references(() => company.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** The address on the company's domain that received the code; null when granted by hand. */
		email: text('email'),
		method: text('method', { enum: ['email', 'manual'] }).notNull(),
		grantedBy: text('granted_by').references(() => user.id, { onDelete: 'set null' }),
		verifiedAt: integer('verified_at').notNull(),
		revokedAt: integer('revoked_at'),
		revokedBy: text('revoked_by').references(() => user.id, { onDelete: 'set null' })
	},
	(t) => [
		index('company_representative_company_idx').on(t.companyId, t.revokedAt),
		index('company_representative_user_idx').on(t.userId, t.revokedAt),
		index('company_representative_granted_by_idx').on(t.grantedBy),
		index('company_representative_revoked_by_idx').on(t.revokedBy)
	]
);

/** A pending claim to represent a company: a code mailed to an address on its domain. */
export const representativeClaim = sqliteTable(
	'representative_claim',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		companyId: integer('company_id')
			.notNull()
			.references(() => company.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		email: text('email').notNull(),
		/** SHA-256 of the code, hex. */
		codeHash: text('code_hash').notNull(),
		attempts: integer('attempts').notNull().default(0),
		createdAt: integer('created_at').notNull(),
		expiresAt: integer('expires_at').notNull(),
		usedAt: integer('used_at')
	},
	(t) => [
		index('representative_claim_user_idx').on(t.userId, t.createdAt),
		index('representative_claim_company_idx').on(t.companyId)
	]
);

/**
 * A company's public answer to a report: one per report. Imported records (source `cfpb`) carry
 * the company's response as published there, with no author and usually no text.
 */
export const companyResponse = sqliteTable(
	'company_response',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		reportId: integer('report_id')
			.notNull()
			.references(() => report.id, { onDelete: 'cascade' }),
		companyId: integer('company_id')
			.notNull()
			.references(() => company.id, { onDelete: 'cascade' }),
		authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
		source: text('source', { enum: reportSources }).notNull().default('recourse'),
		body: text('body'),
		bodyHtml: text('body_html'),
		/** What the company did; null when the source does not say (e.g. an untimely response). */
		action: text('action', { enum: responseActions }),
		/** Answered within 15 days of the report; from the source when imported. */
		timely: integer('timely', { mode: 'boolean' }).notNull(),
		createdAt: integer('created_at').notNull(),
		editedAt: integer('edited_at'),
		verdict: text('verdict', { enum: verdicts }),
		verdictComment: text('verdict_comment'),
		verdictAt: integer('verdict_at'),
		/** Set when the author marked the report resolved after this response. */
		resolvedAfter: integer('resolved_after', { mode: 'boolean' }).notNull().default(false),
		hiddenAt: integer('hidden_at'),
		hiddenReason: text('hidden_reason', { enum: flagReasons })
	},
	(t) => [
		uniqueIndex('company_response_report_idx').on(t.reportId),
		index('company_response_company_idx').on(t.companyId, t.createdAt),
		index('company_response_author_idx').on(t.authorId)
	]
);

/**
 * In-app notices to a user (e.g. "the company answered your report"), stored as a message key
 * and its parameters so that each reader reads them in their own language
 * (src/lib/server/notifications/notices.ts renders them).
 */
export const notification = sqliteTable(
	'notification',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** Which notice: a key of `noticeKeys` in notifications/notices.ts. */
		key: text('key').notNull(),
		/** JSON object of the notice's parameters: titles, names and slugs, never sentences. */
		params: text('params').notNull().default('{}'),
		reportId: integer('report_id').references(() => report.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at').notNull(),
		readAt: integer('read_at')
	},
	(t) => [
		index('notification_user_idx').on(t.userId, t.createdAt),
		// The header's unread count: a user's notices with no read time.
		index('notification_unread_idx').on(t.userId, t.readAt),
		index('notification_report_idx').on(t.reportId)
	]
);

/** Mail kept by the development transport (and a record of what SMTP was asked to send). */
export const mailOutbox = sqliteTable(
	'mail_outbox',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		to: text('to').notNull(),
		subject: text('subject').notNull(),
		text: text('text').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('mail_outbox_created_idx').on(t.createdAt)]
);

/** A user's flag on a report or a response, waiting for a moderator. */
export const flag = sqliteTable(
	'flag',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		targetType: text('target_type', { enum: ['report', 'response'] }).notNull(),
		targetId: integer('target_id').notNull(),
		reporterId: text('reporter_id').references(() => user.id, { onDelete: 'set null' }),
		reason: text('reason', { enum: flagReasons }).notNull(),
		note: text('note'),
		createdAt: integer('created_at').notNull(),
		resolvedAt: integer('resolved_at'),
		resolvedBy: text('resolved_by').references(() => user.id, { onDelete: 'set null' }),
		resolution: text('resolution', { enum: ['hidden', 'restored', 'removed', 'dismissed'] })
	},
	(t) => [
		index('flag_queue_idx').on(t.resolvedAt, t.createdAt),
		index('flag_target_idx').on(t.targetType, t.targetId),
		index('flag_reporter_idx').on(t.reporterId, t.createdAt),
		index('flag_resolved_by_idx').on(t.resolvedBy)
	]
);

/**
 * Four-eyes removal: a moderator proposes removing a report or response for good (it is hidden
 * meanwhile); another moderator confirms (it is deleted) or turns it down (it stays hidden).
 */
export const removalReview = sqliteTable(
	'removal_review',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		targetType: text('target_type', { enum: ['report', 'response'] }).notNull(),
		targetId: integer('target_id').notNull(),
		/** Kept after a removal deletes the target: the list of removed items reads it. */
		title: text('title').notNull(),
		reportId: integer('report_id'),
		reason: text('reason', { enum: flagReasons }).notNull(),
		note: text('note').notNull(),
		proposedBy: text('proposed_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: integer('created_at').notNull(),
		decision: text('decision', { enum: ['confirmed', 'rejected'] }),
		decidedBy: text('decided_by').references(() => user.id, { onDelete: 'set null' }),
		decidedAt: integer('decided_at'),
		decisionNote: text('decision_note')
	},
	(t) => [
		index('removal_review_open_idx').on(t.decidedAt, t.createdAt),
		index('removal_review_target_idx').on(t.targetType, t.targetId),
		index('removal_review_proposed_by_idx').on(t.proposedBy),
		index('removal_review_decided_by_idx').on(t.decidedBy)
	]
);

/** Every moderation and administration action, append-only. */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		actorId: text('actor_id').references(() => user.id, { onDelete: 'set null' }),
		action: text('action').notNull(),
		targetType: text('target_type').notNull(),
		targetId: text('target_id').notNull(),
		reason: text('reason'),
		/** The actor's note: why, in their words (every moderation decision has one). */
		note: text('note'),
		/** JSON object with whatever else the action needs to be understood later. */
		details: text('details'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		index('audit_log_created_idx').on(t.createdAt),
		index('audit_log_target_idx').on(t.targetType, t.targetId),
		index('audit_log_actor_idx').on(t.actorId, t.createdAt),
		index('audit_log_action_idx').on(t.action, t.createdAt)
	]
);

/** A single-use password reset link: only the SHA-256 of its token is stored. */
export const passwordReset = sqliteTable(
	'password_reset',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at').notNull(),
		expiresAt: integer('expires_at').notNull(),
		usedAt: integer('used_at')
	},
	(t) => [index('password_reset_user_idx').on(t.userId)]
);

export type User = typeof user.$inferSelect;
export type Session = typeof session.$inferSelect;
export type Company = typeof company.$inferSelect;
export type Report = typeof report.$inferSelect;
export type ReportEvent = typeof reportEvent.$inferSelect;
export type NewReport = typeof report.$inferInsert;
export type Pattern = typeof pattern.$inferSelect;
export type CompanyRepresentative = typeof companyRepresentative.$inferSelect;
export type CompanyResponse = typeof companyResponse.$inferSelect;
export type Flag = typeof flag.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type RemovalReview = typeof removalReview.$inferSelect;
export type Notification = typeof notification.$inferSelect;
