/** Roles and what each may do. Company representation is a relation (companies/representatives.ts), not a role. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { roles, user, type Role } from '../db/schema';
import { recordAudit } from '../moderation/audit';

/** Who is acting: enough of the signed-in user for authorization. */
export type Actor = { id: string; role: string };

export function canModerate(actor: Actor | null | undefined): boolean {
	return actor?.role === 'moderator' || actor?.role === 'admin';
}

export function isAdmin(actor: Actor | null | undefined): boolean {
	return actor?.role === 'admin';
}

export function isRole(value: string): value is Role {
	return (roles as readonly string[]).includes(value);
}

/** Sets a user's role by e-mail (the documented command `npm run admin:role`), audited. */
export function setRole(
	db: Db,
	input: { email: string; role: Role; actorId: string | null; reason?: string },
	now = Date.now()
): { ok: true; userId: string } | { ok: false; reason: 'no-user' } {
	return db.transaction((tx) => {
		const target = tx
			.select({ id: user.id, role: user.role })
			.from(user)
			.where(eq(user.email, input.email.trim().toLowerCase()))
			.get();
		if (!target) return { ok: false, reason: 'no-user' } as const;
		tx.update(user).set({ role: input.role }).where(eq(user.id, target.id)).run();
		recordAudit(
			tx,
			{
				actorId: input.actorId,
				action: 'user.role',
				targetType: 'user',
				targetId: target.id,
				reason: input.reason ?? null,
				details: { from: target.role, to: input.role }
			},
			now
		);
		return { ok: true, userId: target.id } as const;
	});
}
