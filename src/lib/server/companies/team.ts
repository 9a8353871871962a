/**
 * A company's team (decision 030): its managers invite colleagues on the company's own domain by
 * a mailed single-use link, change their roles and remove them; a company keeps one manager.
 */
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { and, count, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { company, companyRepresentative, representativeInvite, user } from '../db/schema';
import type { MailTransport } from '../mail/mail';
import { recordAudit } from '../moderation/audit';
import { oneLine } from '../../one-line';
import type { RepresentativeRole } from '../../taxonomy';
import type { Actor } from '../auth/roles';
import {
	addRepresentative,
	currentRepresentative,
	currentTeam,
	hashCode,
	isRepresentative,
	managerCount
} from './representatives';
import { checkWorkEmail } from './work-email';

const HOUR = 3_600_000;
/** How long an invitation link works. */
export const INVITE_LIFETIME = 7 * 24 * HOUR;
/** Invitations a company may send per hour: each one is a mail to an address typed by a person. */
export const INVITES_PER_HOUR = 20;

/** The role the user holds at the company now, or null when they do not represent it. */
export function representativeRole(
	db: Db,
	userId: string,
	companyId: number
): RepresentativeRole | null {
	return (
		db
			.select({ role: companyRepresentative.role })
			.from(companyRepresentative)
			.where(currentRepresentative(userId, companyId))
			.get()?.role ?? null
	);
}

/** Whether the user may invite, remove and change the roles of the company's team. */
export function isManager(db: Db, userId: string, companyId: number): boolean {
	return representativeRole(db, userId, companyId) === 'manager';
}

/** The company's current team, managers first, and its open invitations. */
export function listTeam(db: Db, companyId: number, now = Date.now()) {
	const members = db
		.select({
			id: companyRepresentative.id,
			userId: companyRepresentative.userId,
			displayName: user.displayName,
			email: companyRepresentative.email,
			role: companyRepresentative.role,
			verifiedAt: companyRepresentative.verifiedAt
		})
		.from(companyRepresentative)
		.innerJoin(user, eq(companyRepresentative.userId, user.id))
		.where(currentTeam(companyId))
		.orderBy(companyRepresentative.role, companyRepresentative.verifiedAt)
		.all();
	const invites = db
		.select({
			id: representativeInvite.id,
			email: representativeInvite.email,
			role: representativeInvite.role,
			expiresAt: representativeInvite.expiresAt
		})
		.from(representativeInvite)
		.where(
			and(
				eq(representativeInvite.companyId, companyId),
				isNull(representativeInvite.acceptedAt),
				isNull(representativeInvite.revokedAt),
				gt(representativeInvite.expiresAt, now)
			)
		)
		.orderBy(desc(representativeInvite.createdAt))
		.all();
	return { members, invites };
}

export type InviteResult =
	| { ok: true }
	| {
			ok: false;
			reason:
				| 'forbidden'
				| 'no-domain'
				| 'shared-domain'
				| 'wrong-domain'
				| 'already-representative'
				| 'too-many';
	  };

/**
 * A manager invites a colleague: the address must be on the company's registrable domain (the
 * claim rule, work-email.ts); a link valid for a week is mailed in the manager's language.
 */
export async function inviteColleague(
	db: Db,
	mail: MailTransport,
	actor: Actor,
	input: { companyId: number; email: string; role: RepresentativeRole },
	origin: string,
	now = Date.now()
): Promise<InviteResult> {
	const email = input.email.trim().toLowerCase();
	let link = '';
	let companyName = '';
	const result = db.transaction(
		(tx): InviteResult => {
			if (!isManager(tx, actor.id, input.companyId)) return { ok: false, reason: 'forbidden' };
			const target = tx
				.select({ name: company.name, domain: company.domain })
				.from(company)
				.where(eq(company.id, input.companyId))
				.get();
			if (!target?.domain) return { ok: false, reason: 'no-domain' };
			const onDomain = checkWorkEmail(email, target.domain);
			if (onDomain !== 'ok') return { ok: false, reason: onDomain };
			const already = tx
				.select({ id: companyRepresentative.id })
				.from(companyRepresentative)
				.where(and(currentTeam(input.companyId), eq(companyRepresentative.email, email)))
				.get();
			if (already) return { ok: false, reason: 'already-representative' };
			const recent =
				tx
					.select({ n: count() })
					.from(representativeInvite)
					.where(
						and(
							eq(representativeInvite.companyId, input.companyId),
							gt(representativeInvite.createdAt, now - HOUR)
						)
					)
					.get()?.n ?? 0;
			if (recent >= INVITES_PER_HOUR) return { ok: false, reason: 'too-many' };
			const bytes = new Uint8Array(20);
			crypto.getRandomValues(bytes);
			const token = encodeBase32LowerCaseNoPadding(bytes);
			const row = tx
				.insert(representativeInvite)
				.values({
					companyId: input.companyId,
					email,
					role: input.role,
					tokenHash: hashCode(token),
					invitedBy: actor.id,
					createdAt: now,
					expiresAt: now + INVITE_LIFETIME
				})
				.returning({ id: representativeInvite.id })
				.get();
			recordAudit(
				tx,
				{
					actorId: actor.id,
					action: 'representative.invited',
					targetType: 'company',
					targetId: input.companyId,
					details: { inviteId: row.id, email, role: input.role }
				},
				now
			);
			link = origin + localizeHref(`/invites/${token}`);
			companyName = oneLine(target.name);
			return { ok: true };
		},
		{ behavior: 'immediate' }
	);
	if (result.ok) {
		await mail.send({
			to: email,
			subject: m.mail_invite_subject({ company: companyName }),
			text: m.mail_invite_text({ company: companyName, url: link })
		});
	}
	return result;
}

export type InviteLookup =
	| {
			ok: true;
			inviteId: number;
			companyId: number;
			companyName: string;
			companySlug: string;
			role: RepresentativeRole;
	  }
	| { ok: false; reason: 'invalid' | 'expired' | 'used' };

/** What an invitation link opens: its company, or why it no longer works. */
export function findInvite(db: Db, token: string, now = Date.now()): InviteLookup {
	const row = db
		.select({
			id: representativeInvite.id,
			companyId: representativeInvite.companyId,
			role: representativeInvite.role,
			invitedBy: representativeInvite.invitedBy,
			expiresAt: representativeInvite.expiresAt,
			acceptedAt: representativeInvite.acceptedAt,
			revokedAt: representativeInvite.revokedAt,
			companyName: company.name,
			companySlug: company.slug
		})
		.from(representativeInvite)
		.innerJoin(company, eq(representativeInvite.companyId, company.id))
		.where(eq(representativeInvite.tokenHash, hashCode(token)))
		.get();
	if (!row) return { ok: false, reason: 'invalid' };
	if (row.acceptedAt !== null) return { ok: false, reason: 'used' };
	// An invitation speaks for the manager who sent it: it dies with their place in the team.
	if (row.revokedAt !== null || !row.invitedBy || !isManager(db, row.invitedBy, row.companyId)) {
		return { ok: false, reason: 'invalid' };
	}
	if (row.expiresAt <= now) return { ok: false, reason: 'expired' };
	return {
		ok: true,
		inviteId: row.id,
		companyId: row.companyId,
		companyName: row.companyName,
		companySlug: row.companySlug,
		role: row.role
	};
}

export type AcceptResult =
	| { ok: true; companySlug: string }
	| { ok: false; reason: 'invalid' | 'expired' | 'used' | 'already-representative' };

/** The signed-in holder of the link joins the team with the role it names; the link is used up. */
export function acceptInvite(db: Db, actor: Actor, token: string, now = Date.now()): AcceptResult {
	return db.transaction(
		(tx): AcceptResult => {
			const found = findInvite(tx, token, now);
			if (!found.ok) return found;
			if (isRepresentative(tx, actor.id, found.companyId)) {
				return { ok: false, reason: 'already-representative' };
			}
			const invite = tx
				.update(representativeInvite)
				.set({ acceptedAt: now, acceptedBy: actor.id })
				.where(
					and(eq(representativeInvite.id, found.inviteId), isNull(representativeInvite.acceptedAt))
				)
				.returning()
				.get();
			if (!invite) return { ok: false, reason: 'used' };
			addRepresentative(
				tx,
				{
					companyId: found.companyId,
					userId: actor.id,
					email: invite.email,
					method: 'email',
					grantedBy: invite.invitedBy,
					role: invite.role,
					verifiedAt: now
				},
				{
					actorId: actor.id,
					action: 'representative.joined',
					details: { email: invite.email, role: invite.role }
				}
			);
			return { ok: true, companySlug: found.companySlug };
		},
		{ behavior: 'immediate' }
	);
}

export type TeamChangeResult =
	{ ok: true } | { ok: false; reason: 'forbidden' | 'not-found' | 'last-manager' };

/** The current member `representativeId` of the company, for a manager's change. */
function memberFor(tx: Db, actor: Actor, companyId: number, representativeId: number) {
	if (!isManager(tx, actor.id, companyId)) return 'forbidden' as const;
	const member = tx
		.select({ id: companyRepresentative.id, role: companyRepresentative.role })
		.from(companyRepresentative)
		.where(and(currentTeam(companyId), eq(companyRepresentative.id, representativeId)))
		.get();
	return member ?? ('not-found' as const);
}

/** A manager changes a colleague's role; the last manager cannot become a responder. */
export function changeRole(
	db: Db,
	actor: Actor,
	input: { companyId: number; representativeId: number; role: RepresentativeRole },
	now = Date.now()
): TeamChangeResult {
	return db.transaction(
		(tx): TeamChangeResult => {
			const member = memberFor(tx, actor, input.companyId, input.representativeId);
			if (typeof member === 'string') return { ok: false, reason: member };
			if (member.role === input.role) return { ok: true };
			if (member.role === 'manager' && managerCount(tx, input.companyId) <= 1) {
				return { ok: false, reason: 'last-manager' };
			}
			tx.update(companyRepresentative)
				.set({ role: input.role })
				.where(eq(companyRepresentative.id, member.id))
				.run();
			recordAudit(
				tx,
				{
					actorId: actor.id,
					action: 'representative.role',
					targetType: 'company',
					targetId: input.companyId,
					details: { representativeId: member.id, from: member.role, to: input.role }
				},
				now
			);
			return { ok: true };
		},
		{ behavior: 'immediate' }
	);
}

/** A manager removes a colleague (or themselves) from the team; the last manager stays. */
export function removeColleague(
	db: Db,
	actor: Actor,
	input: { companyId: number; representativeId: number },
	now = Date.now()
): TeamChangeResult {
	return db.transaction(
		(tx): TeamChangeResult => {
			const member = memberFor(tx, actor, input.companyId, input.representativeId);
			if (typeof member === 'string') return { ok: false, reason: member };
			if (member.role === 'manager' && managerCount(tx, input.companyId) <= 1) {
				return { ok: false, reason: 'last-manager' };
			}
			tx.update(companyRepresentative)
				.set({ revokedAt: now, revokedBy: actor.id })
				.where(eq(companyRepresentative.id, member.id))
				.run();
			recordAudit(
				tx,
				{
					actorId: actor.id,
					action: 'representative.removed',
					targetType: 'company',
					targetId: input.companyId,
					details: { representativeId: member.id }
				},
				now
			);
			return { ok: true };
		},
		{ behavior: 'immediate' }
	);
}
