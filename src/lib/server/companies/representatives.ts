/**
 * Company representatives: a signed-in user proves they speak for a company by receiving a code
 * at an address on the company's own domain; moderators may also grant or revoke by hand.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { m } from '$lib/paraglide/messages';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { and, asc, count, desc, eq, gt, isNull, min } from 'drizzle-orm';
import type { Db } from '../db/client';
import { company, companyRepresentative, representativeClaim, user } from '../db/schema';
import type { MailTransport } from '../mail/mail';
import { recordAudit } from '../moderation/audit';
import { oneLine } from '../../one-line';
import { canModerate, type Actor } from '../auth/roles';
import { checkWorkEmail } from './work-email';

const MINUTE = 60_000;
export const CLAIM_LIFETIME = 30 * MINUTE;
export const CLAIM_MAX_ATTEMPTS = 5;
/** Codes a user may request per hour, across companies: each one sends a mail. */
export const CLAIMS_PER_HOUR = 5;

/** SHA-256 of a code or link token, hex: what is stored instead of it. */
export function hashCode(code: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(code)));
}

/** Six random digits: typed by a person, guarded by expiry and an attempt limit. */
export function generateClaimCode(): string {
	const n = new Uint32Array(1);
	crypto.getRandomValues(n);
	return (n[0]! % 1_000_000).toString().padStart(6, '0');
}

/** Whether the user is, right now, a verified representative of the company. */
export function isRepresentative(db: Db, userId: string, companyId: number): boolean {
	return !!db
		.select({ id: companyRepresentative.id })
		.from(companyRepresentative)
		.where(currentRepresentative(userId, companyId))
		.get();
}

/** The row of a user's current place at a company (not revoked), as a condition. */
export function currentRepresentative(userId: string, companyId: number) {
	return and(eq(companyRepresentative.userId, userId), currentTeam(companyId));
}

/** The rows of a company's current team (not revoked), as a condition. */
export function currentTeam(companyId: number) {
	return and(
		eq(companyRepresentative.companyId, companyId),
		isNull(companyRepresentative.revokedAt)
	);
}

/** How many managers the company's team has now (it keeps at least one: companies/team.ts). */
export function managerCount(db: Db, companyId: number): number {
	return (
		db
			.select({ n: count() })
			.from(companyRepresentative)
			.where(and(currentTeam(companyId), eq(companyRepresentative.role, 'manager')))
			.get()?.n ?? 0
	);
}

/** The companies a user represents now (for the header and dashboards). */
export function listRepresentedCompanies(db: Db, userId: string) {
	return db
		.select({ id: company.id, slug: company.slug, name: company.name })
		.from(companyRepresentative)
		.innerJoin(company, eq(companyRepresentative.companyId, company.id))
		.where(and(eq(companyRepresentative.userId, userId), isNull(companyRepresentative.revokedAt)))
		.orderBy(asc(company.name))
		.all();
}

/** What the public sees: how many representatives a company has and since when. */
export function getRepresentation(
	db: Db,
	companyId: number
): { count: number; since: number | null } {
	const row = db
		.select({ count: count(), since: min(companyRepresentative.verifiedAt) })
		.from(companyRepresentative)
		.where(currentTeam(companyId))
		.get();
	return { count: row?.count ?? 0, since: row?.since ?? null };
}

/** Every representative of a company, current and revoked, for moderators. */
export function listRepresentatives(db: Db, companyId: number) {
	return db
		.select({
			id: companyRepresentative.id,
			userId: companyRepresentative.userId,
			displayName: user.displayName,
			userEmail: user.email,
			email: companyRepresentative.email,
			method: companyRepresentative.method,
			verifiedAt: companyRepresentative.verifiedAt,
			revokedAt: companyRepresentative.revokedAt
		})
		.from(companyRepresentative)
		.innerJoin(user, eq(companyRepresentative.userId, user.id))
		.where(eq(companyRepresentative.companyId, companyId))
		.orderBy(desc(companyRepresentative.verifiedAt))
		.all();
}

/**
 * Adds a user to a company's team and records how in the audit trail, in the caller's
 * transaction (a claim code, a moderator's grant, an invitation). Returns the new row's id.
 */
export function addRepresentative(
	tx: Db,
	row: typeof companyRepresentative.$inferInsert,
	audit: {
		actorId: string;
		action: string;
		reason?: string;
		details: Record<string, unknown>;
	}
): number {
	const rep = tx
		.insert(companyRepresentative)
		.values(row)
		.returning({ id: companyRepresentative.id })
		.get();
	recordAudit(
		tx,
		{
			actorId: audit.actorId,
			action: audit.action,
			targetType: 'company',
			targetId: row.companyId,
			reason: audit.reason,
			details: { representativeId: rep.id, ...audit.details }
		},
		row.verifiedAt
	);
	return rep.id;
}

export type StartClaimResult =
	| { ok: true; claimId: number }
	| {
			ok: false;
			reason:
				'no-domain' | 'shared-domain' | 'wrong-domain' | 'already-representative' | 'too-many';
	  };

/**
 * Mails a code to an address on the company's registrable domain, unless that domain is shared
 * (a public suffix or a mail provider: see work-email.ts). The code is stored only as a hash; the
 * claim expires after 30 minutes or 5 wrong codes.
 */
export async function startClaim(
	db: Db,
	mail: MailTransport,
	input: {
		userId: string;
		companyId: number;
		email: string;
		companyName: string;
		domain: string | null;
	},
	now = Date.now()
): Promise<StartClaimResult> {
	const email = input.email.trim().toLowerCase();
	if (!input.domain) return { ok: false, reason: 'no-domain' };
	const onDomain = checkWorkEmail(email, input.domain);
	if (onDomain !== 'ok') return { ok: false, reason: onDomain };
	if (isRepresentative(db, input.userId, input.companyId)) {
		return { ok: false, reason: 'already-representative' };
	}
	const recent =
		db
			.select({ n: count() })
			.from(representativeClaim)
			.where(
				and(
					eq(representativeClaim.userId, input.userId),
					gt(representativeClaim.createdAt, now - 60 * MINUTE)
				)
			)
			.get()?.n ?? 0;
	if (recent >= CLAIMS_PER_HOUR) return { ok: false, reason: 'too-many' };
	const code = generateClaimCode();
	const claim = db
		.insert(representativeClaim)
		.values({
			companyId: input.companyId,
			userId: input.userId,
			email,
			codeHash: hashCode(code),
			createdAt: now,
			expiresAt: now + CLAIM_LIFETIME
		})
		.returning({ id: representativeClaim.id })
		.get();
	await mail.send({
		to: email,
		// In the language of the page the code was asked for from.
		subject: m.mail_claim_subject({ code }),
		text: m.mail_claim_text({ company: oneLine(input.companyName), code })
	});
	return { ok: true, claimId: claim.id };
}

export type VerifyClaimResult =
	{ ok: true } | { ok: false; reason: 'no-claim' | 'expired' | 'wrong-code' | 'too-many-attempts' };

/** Checks a code against the user's latest open claim for the company; success makes them a representative. */
export function verifyClaim(
	db: Db,
	input: { userId: string; companyId: number; code: string },
	now = Date.now()
): VerifyClaimResult {
	return db.transaction(
		(tx) => {
			const claim = tx
				.select()
				.from(representativeClaim)
				.where(
					and(
						eq(representativeClaim.userId, input.userId),
						eq(representativeClaim.companyId, input.companyId),
						isNull(representativeClaim.usedAt)
					)
				)
				.orderBy(desc(representativeClaim.createdAt), desc(representativeClaim.id))
				.get();
			if (!claim) return { ok: false, reason: 'no-claim' } as const;
			if (claim.expiresAt <= now) return { ok: false, reason: 'expired' } as const;
			if (claim.attempts >= CLAIM_MAX_ATTEMPTS) {
				return { ok: false, reason: 'too-many-attempts' } as const;
			}
			if (hashCode(input.code.trim()) !== claim.codeHash) {
				tx.update(representativeClaim)
					.set({ attempts: claim.attempts + 1 })
					.where(eq(representativeClaim.id, claim.id))
					.run();
				return claim.attempts + 1 >= CLAIM_MAX_ATTEMPTS
					? ({ ok: false, reason: 'too-many-attempts' } as const)
					: ({ ok: false, reason: 'wrong-code' } as const);
			}
			tx.update(representativeClaim)
				.set({ usedAt: now })
				.where(eq(representativeClaim.id, claim.id))
				.run();
			if (!isRepresentative(tx, input.userId, input.companyId)) {
				addRepresentative(
					tx,
					{
						companyId: input.companyId,
						userId: input.userId,
						email: claim.email,
						method: 'email',
						// The first to prove they work there runs the team; later claimants answer.
						role: managerCount(tx, input.companyId) ? 'responder' : 'manager',
						verifiedAt: now
					},
					{
						actorId: input.userId,
						action: 'representative.verified',
						details: { email: claim.email }
					}
				);
			}
			return { ok: true } as const;
		},
		{ behavior: 'immediate' }
	);
}

export type GrantResult =
	{ ok: true } | { ok: false; reason: 'forbidden' | 'no-user' | 'already-representative' };

/** A moderator makes a user (by e-mail) a representative by hand, with a reason. */
export function grantRepresentative(
	db: Db,
	actor: Actor,
	input: { companyId: number; email: string; reason: string },
	now = Date.now()
): GrantResult {
	if (!canModerate(actor)) return { ok: false, reason: 'forbidden' };
	return db.transaction(
		(tx) => {
			const target = tx
				.select({ id: user.id })
				.from(user)
				.where(eq(user.email, input.email.trim().toLowerCase()))
				.get();
			if (!target) return { ok: false, reason: 'no-user' } as const;
			if (isRepresentative(tx, target.id, input.companyId)) {
				return { ok: false, reason: 'already-representative' } as const;
			}
			addRepresentative(
				tx,
				{
					companyId: input.companyId,
					userId: target.id,
					method: 'manual',
					grantedBy: actor.id,
					verifiedAt: now
				},
				{
					actorId: actor.id,
					action: 'representative.granted',
					reason: input.reason,
					details: { userId: target.id }
				}
			);
			return { ok: true } as const;
		},
		{ behavior: 'immediate' }
	);
}

/** A moderator revokes a representative, with a reason; the row stays for the record. */
export function revokeRepresentative(
	db: Db,
	actor: Actor,
	input: { companyId: number; representativeId: number; reason: string },
	now = Date.now()
): { ok: true } | { ok: false; reason: 'forbidden' | 'not-found' } {
	if (!canModerate(actor)) return { ok: false, reason: 'forbidden' };
	return db.transaction(
		(tx) => {
			const changed = tx
				.update(companyRepresentative)
				.set({ revokedAt: now, revokedBy: actor.id })
				.where(
					and(
						eq(companyRepresentative.id, input.representativeId),
						eq(companyRepresentative.companyId, input.companyId),
						isNull(companyRepresentative.revokedAt)
					)
				)
				.run().changes;
			if (!changed) return { ok: false, reason: 'not-found' } as const;
			recordAudit(
				tx,
				{
					actorId: actor.id,
					action: 'representative.revoked',
					targetType: 'company',
					targetId: input.companyId,
					reason: input.reason,
					details: { representativeId: input.representativeId }
				},
				now
			);
			return { ok: true } as const;
		},
		{ behavior: 'immediate' }
	);
}
