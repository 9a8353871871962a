/** A submitted moderation decision: read, validated, applied, and its failure put beside a field. */
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../db/client';
import type { Actor } from '../auth/roles';
import { firstErrors, readForm } from '../../validation/form-data';
import { decisionFields, decisionSchema } from '../../validation/moderation';
import { moderate } from './moderation';

export type DecisionOutcome =
	| { ok: true; decided: string; action: string }
	| {
			ok: false;
			status: 400 | 403 | 404 | 409;
			values: Record<string, string>;
			errors: Record<string, string>;
	  };

/** Applies the decision a moderator submitted, for any page that offers the decision form. */
export function submitDecision(
	db: Db,
	actor: Actor,
	data: FormData,
	now = Date.now()
): DecisionOutcome {
	const values = readForm(data, decisionFields);
	const parsed = v.safeParse(decisionSchema, values);
	if (!parsed.success) {
		return { ok: false, status: 400, values, errors: firstErrors(parsed.issues) };
	}
	const result = moderate(db, actor, parsed.output, now);
	if (result.ok) {
		return {
			ok: true,
			decided: `${parsed.output.targetType}:${parsed.output.targetId}`,
			action: parsed.output.action
		};
	}
	switch (result.reason) {
		case 'forbidden':
			return { ok: false, status: 403, values, errors: {} };
		case 'not-found':
			return { ok: false, status: 404, values, errors: {} };
		case 'note-required':
			return { ok: false, status: 400, values, errors: { note: m.moderation_note_required() } };
		case 'reason-required':
			return { ok: false, status: 400, values, errors: { reason: m.flag_reason_required() } };
		case 'no-change':
			return { ok: false, status: 409, values, errors: { action: m.moderation_no_change() } };
		case 'no-proposal':
			return { ok: false, status: 409, values, errors: { action: m.moderation_no_proposal() } };
		case 'already-proposed':
			return {
				ok: false,
				status: 409,
				values,
				errors: { action: m.moderation_already_proposed() }
			};
		case 'same-moderator':
			return { ok: false, status: 409, values, errors: { action: m.moderation_same_moderator() } };
	}
}
