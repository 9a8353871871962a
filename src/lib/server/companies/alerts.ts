/**
 * New-report mail for a company's team (decision 030): each person chooses one mail per report,
 * a daily digest or none; every mail carries an unsubscribe link signed with a key of that
 * person's own, which works without signing in and expires.
 */
import { hmac } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { decodeHex, encodeHexLowerCase } from '@oslojs/encoding';
import { and, asc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Db } from '../db/client';
import { company, companyRepresentative, report, user } from '../db/schema';
import type { MailMessage, MailTransport } from '../mail/mail';
import { readerLocale } from '../notifications/notices';
import { oneLine } from '../../one-line';
import type { AlertChoice } from '../../taxonomy';
import { currentRepresentative, currentTeam } from './representatives';

const DAY_MS = 86_400_000;
/** How long an unsubscribe link works: long enough for an old mail, short enough to go stale. */
export const UNSUBSCRIBE_LIFETIME = 180 * DAY_MS;
/** Reports listed in one digest; the dashboard has the rest. */
const DIGEST_MAX = 50;

/** Where alerts go: the work address they proved (the company's mail belongs there), else their account's. */
const alertAddress = sql<string>`coalesce(${companyRepresentative.email}, ${user.email})`;

/** The person's signing key, made on first use (rows made before alerts have none). */
function alertKeyOf(tx: Db, representativeId: number): Uint8Array {
	const row = tx
		.select({ key: companyRepresentative.alertKey })
		.from(companyRepresentative)
		.where(eq(companyRepresentative.id, representativeId))
		.get();
	if (row?.key) return decodeHex(row.key);
	const key = new Uint8Array(32);
	crypto.getRandomValues(key);
	tx.update(companyRepresentative)
		.set({ alertKey: encodeHexLowerCase(key) })
		.where(
			and(eq(companyRepresentative.id, representativeId), isNull(companyRepresentative.alertKey))
		)
		.run();
	return key;
}

function sign(key: Uint8Array, representativeId: number, expiresAt: number): string {
	const message = new TextEncoder().encode(`unsubscribe:${representativeId}:${expiresAt}`);
	return encodeHexLowerCase(hmac(SHA256, key, message));
}

/** The address of a person's unsubscribe page, in their language. */
export function unsubscribeUrl(
	tx: Db,
	representativeId: number,
	origin: string,
	locale: ReturnType<typeof readerLocale>,
	now = Date.now()
): string {
	const expiresAt = now + UNSUBSCRIBE_LIFETIME;
	const token = `${representativeId}.${expiresAt}.${sign(alertKeyOf(tx, representativeId), representativeId, expiresAt)}`;
	return origin + localizeHref(`/unsubscribe/${token}`, { locale });
}

export type UnsubscribeLookup =
	| { ok: true; representativeId: number; companyName: string; email: string }
	| { ok: false; reason: 'invalid' | 'expired' };

/** Whom an unsubscribe token speaks for; a forged, altered or expired token is refused. */
export function readUnsubscribeToken(db: Db, token: string, now = Date.now()): UnsubscribeLookup {
	const match = /^(\d{1,15})\.(\d{1,15})\.([0-9a-f]{64})$/.exec(token);
	if (!match) return { ok: false, reason: 'invalid' };
	const representativeId = Number(match[1]);
	const expiresAt = Number(match[2]);
	const row = db
		.select({
			key: companyRepresentative.alertKey,
			email: alertAddress,
			companyName: company.name
		})
		.from(companyRepresentative)
		.innerJoin(user, eq(companyRepresentative.userId, user.id))
		.innerJoin(company, eq(companyRepresentative.companyId, company.id))
		.where(eq(companyRepresentative.id, representativeId))
		.get();
	if (!row?.key) return { ok: false, reason: 'invalid' };
	const expected = decodeHex(sign(decodeHex(row.key), representativeId, expiresAt));
	const given = decodeHex(match[3]!);
	let diff = 0;
	for (let i = 0; i < expected.length; i++) diff |= expected[i]! ^ given[i]!;
	if (diff !== 0) return { ok: false, reason: 'invalid' };
	if (expiresAt <= now) return { ok: false, reason: 'expired' };
	return { ok: true, representativeId, companyName: row.companyName, email: row.email };
}

/** Turns a person's alerts off through their link (GET shows it, the form's POST does it). */
export function unsubscribe(db: Db, token: string, now = Date.now()): UnsubscribeLookup {
	const found = readUnsubscribeToken(db, token, now);
	if (found.ok) {
		db.update(companyRepresentative)
			.set({ alerts: 'none' })
			.where(eq(companyRepresentative.id, found.representativeId))
			.run();
	}
	return found;
}

/** A signed-in representative's own choice for a company's alerts; false when not one. */
export function setAlertChoice(
	db: Db,
	userId: string,
	companyId: number,
	choice: AlertChoice
): boolean {
	return (
		db
			.update(companyRepresentative)
			.set({ alerts: choice })
			.where(currentRepresentative(userId, companyId))
			.run().changes > 0
	);
}

/** A person's current alert choice at a company, or null when they do not represent it. */
export function alertChoiceOf(db: Db, userId: string, companyId: number): AlertChoice | null {
	return (
		db
			.select({ alerts: companyRepresentative.alerts })
			.from(companyRepresentative)
			.where(currentRepresentative(userId, companyId))
			.get()?.alerts ?? null
	);
}

/** The team members who chose `choice`, with their address and language. */
function recipients(tx: Db, companyId: number, choice: AlertChoice) {
	return tx
		.select({
			id: companyRepresentative.id,
			lastDigestAt: companyRepresentative.lastDigestAt,
			verifiedAt: companyRepresentative.verifiedAt,
			email: alertAddress,
			locale: user.locale
		})
		.from(companyRepresentative)
		.innerJoin(user, eq(companyRepresentative.userId, user.id))
		.where(and(currentTeam(companyId), eq(companyRepresentative.alerts, choice)))
		.all();
}

/** The List-Unsubscribe header: mail programs show their own "unsubscribe" beside the message. */
const listUnsubscribe = (url: string) => ({ 'List-Unsubscribe': `<${url}>` });

/**
 * Mails each team member who chose "each" about a report just published for their company (or
 * moved to it by its author). Call after the report's transaction commits.
 */
export async function alertNewReport(
	db: Db,
	mail: MailTransport,
	reportId: number,
	origin: string,
	now = Date.now()
): Promise<void> {
	const messages: MailMessage[] = db.transaction((tx) => {
		const r = tx
			.select({
				title: report.title,
				companyId: report.companyId,
				companyName: company.name,
				hiddenAt: report.hiddenAt
			})
			.from(report)
			.innerJoin(company, eq(report.companyId, company.id))
			.where(eq(report.id, reportId))
			.get();
		if (!r || r.hiddenAt !== null) return [];
		const name = oneLine(r.companyName);
		const title = oneLine(r.title);
		return recipients(tx, r.companyId, 'each').map((person) => {
			const locale = readerLocale(person.locale);
			const unsubscribe = unsubscribeUrl(tx, person.id, origin, locale, now);
			return {
				to: person.email,
				subject: m.mail_alert_subject({ company: name, title }, { locale }),
				text: m.mail_alert_text(
					{
						company: name,
						title,
						url: origin + localizeHref(`/reports/${reportId}`, { locale }),
						unsubscribe
					},
					{ locale }
				),
				headers: listUnsubscribe(unsubscribe)
			};
		});
	});
	for (const message of messages) await mail.send(message);
}

const utcDay = (t: number) => Math.floor(t / DAY_MS);

/**
 * Sends each person who chose a daily digest the reports published about their company since
 * their last digest (or since they joined). Idempotent: a person is sent at most one digest per
 * UTC day, however often this runs; a day with no new report sends nothing.
 */
export async function sendDailyDigests(
	db: Db,
	now = Date.now(),
	options: { mail: MailTransport; origin: string }
): Promise<{ sent: number }> {
	const messages: MailMessage[] = db.transaction(
		(tx) => {
			const companies = tx
				.selectDistinct({
					id: companyRepresentative.companyId,
					name: company.name,
					slug: company.slug
				})
				.from(companyRepresentative)
				.innerJoin(company, eq(companyRepresentative.companyId, company.id))
				.where(
					and(isNull(companyRepresentative.revokedAt), eq(companyRepresentative.alerts, 'daily'))
				)
				.all();
			const out: MailMessage[] = [];
			for (const c of companies) {
				for (const person of recipients(tx, c.id, 'daily')) {
					if (person.lastDigestAt !== null && utcDay(person.lastDigestAt) >= utcDay(now)) continue;
					const since = person.lastDigestAt ?? person.verifiedAt;
					// Claimed first, so that a second run the same day finds it done.
					tx.update(companyRepresentative)
						.set({ lastDigestAt: now })
						.where(
							and(
								eq(companyRepresentative.id, person.id),
								or(
									isNull(companyRepresentative.lastDigestAt),
									lte(companyRepresentative.lastDigestAt, since)
								)
							)
						)
						.run();
					const reports = tx
						.select({ id: report.id, title: report.title })
						.from(report)
						.where(
							and(
								eq(report.companyId, c.id),
								eq(report.source, 'recourse'),
								isNull(report.hiddenAt),
								gt(report.createdAt, since),
								lte(report.createdAt, now)
							)
						)
						.orderBy(asc(report.createdAt), asc(report.id))
						.limit(DIGEST_MAX)
						.all();
					if (!reports.length) continue;
					const locale = readerLocale(person.locale);
					const unsubscribe = unsubscribeUrl(tx, person.id, options.origin, locale, now);
					const name = oneLine(c.name);
					out.push({
						to: person.email,
						subject: m.mail_digest_subject({ company: name }, { locale }),
						text: m.mail_digest_text(
							{
								company: name,
								list: reports
									.map(
										(r) =>
											`- ${oneLine(r.title)}\n  ${options.origin}${localizeHref(`/reports/${r.id}`, { locale })}`
									)
									.join('\n'),
								url: options.origin + localizeHref(`/companies/${c.slug}/dashboard`, { locale }),
								unsubscribe
							},
							{ locale }
						),
						headers: listUnsubscribe(unsubscribe)
					});
				}
			}
			return out;
		},
		{ behavior: 'immediate' }
	);
	for (const message of messages) await options.mail.send(message);
	return { sent: messages.length };
}
