import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { localizeHref } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { regionName } from '$lib/server/places/places';
import { readFormData } from '$lib/server/form-request';
import { isRepresentative } from '$lib/server/companies/representatives';
import { mail } from '$lib/server/mail';
import { listSimilarReports } from '$lib/server/patterns/patterns';
import { hasMeToo, setMeToo } from '$lib/server/reports/me-too';
import { parseReportId } from '$lib/server/reports/report-id';
import { reportSource, reportTags } from '$lib/server/reports/report-source';
import { getReport } from '$lib/server/reports/reports';
import { escalationGuide } from '$lib/server/guide/report-view';
import {
	answerResponse,
	editResponse,
	getResponse,
	postResponse,
	RESPONSE_EDIT_WINDOW
} from '$lib/server/responses/responses';
import { firstErrors, readForm } from '$lib/validation/form-data';
import { responseSchema, verdictSchema } from '$lib/validation/response';
import { flagSchema } from '$lib/validation/flag';
import { canModerate } from '$lib/server/auth/roles';
import { config } from '$lib/server/config';
import { deleteOwnReport, flagContent, moderationStateOf } from '$lib/server/moderation/moderation';
import { submitDecision } from '$lib/server/moderation/decision-form';
import { rateLimits } from '$lib/server/rate-limit';
import { parsePatternSlug, patternSlugs } from '$lib/taxonomy';
import type { Actions, PageServerLoad } from './$types';

/**
 * The most visited page ships no JavaScript (the 40 KB budget of issue 6: it was 83 KB gzip with
 * the router, six languages of messages and the thread's forms). Every form on it is a plain
 * form action, so nothing is lost but the in-place updates.
 */
export const csr = false;

export const load: PageServerLoad = ({ params, locals }) => {
	const id = parseReportId(params.id);
	const detail = id === null ? undefined : getReport(db, id);
	if (!detail) error(404);
	const {
		authorId,
		narrative: _markdown,
		sourceDetails: _details,
		tags: _tags,
		...report
	} = detail.report;
	const user = locals.user;
	// A hidden report is shown only to its author (with the reason) and to moderators.
	const moderator = canModerate(user);
	if (report.hiddenAt !== null && !moderator && (!user || user.id !== authorId)) error(404);
	const response = getResponse(db, report.id) ?? null;
	const representative = !!user && isRepresentative(db, user.id, report.companyId);
	const isAuthor = !!user && user.id === authorId;
	return {
		report,
		source: reportSource(detail.report),
		tags: reportTags(detail.report),
		company: detail.company,
		authorName: detail.authorName,
		categories: detail.categories,
		triggers: detail.triggers,
		channels: detail.channels,
		escalations: detail.escalations,
		events: detail.events,
		regionName: report.region ? regionName(report.region) : null,
		isAuthor,
		guide: escalationGuide(detail, response?.createdAt ?? null, isAuthor),
		meToo: !!user && user.id !== authorId && hasMeToo(db, report.id, user.id),
		patterns: patternSlugs(detail.categories, detail.triggers).map((slug) => ({
			slug,
			...parsePatternSlug(slug)!
		})),
		similar: listSimilarReports(db, report),
		response,
		canRespond: representative && !response && report.source === 'recourse',
		signedIn: !!user,
		canModerate: moderator,
		// Moderators correct decisions from the item's page as from the lists.
		moderation: moderator ? (moderationStateOf(db, report.id) ?? null) : null,
		me: user?.id ?? null,
		editableUntil:
			representative && response?.source === 'recourse'
				? response.createdAt + RESPONSE_EDIT_WINDOW
				: null
	};
};

function reportIdOrSignIn(locals: App.Locals, params: { id: string }, url: URL) {
	if (!locals.user) {
		redirect(303, localizeHref(`/login?redirectTo=${encodeURIComponent(url.pathname)}`));
	}
	const id = parseReportId(params.id);
	if (id === null) error(404);
	return { user: locals.user, id };
}

const responseFields = ['body', 'action'] as const;
const verdictFields = ['verdict', 'comment', 'outcome'] as const;
const flagFields = ['target', 'reason', 'note'] as const;

export const actions: Actions = {
	/** "This happened to me too", or taking it back (join=0). */
	metoo: async ({ params, locals, request, url }) => {
		const { user, id } = reportIdOrSignIn(locals, params, url);
		const join = (await readFormData(request)).get('join') !== '0';
		const result = setMeToo(db, id, user.id, join);
		if (!result.ok && result.reason === 'not-found') error(404);
		if (!result.ok) return fail(400, { meTooError: m.me_too_own() });
		return { meTooJoined: result.joined };
	},

	/** A verified representative publishes the company's response. */
	respond: async ({ params, locals, request, url }) => {
		const { user, id } = reportIdOrSignIn(locals, params, url);
		const values = readForm(await readFormData(request), responseFields);
		const parsed = v.safeParse(responseSchema, values);
		if (!parsed.success) {
			return fail(400, { responseForm: { values, errors: firstErrors(parsed.issues) } });
		}
		const result = await postResponse(db, mail, user, id, parsed.output, url.origin);
		if (!result.ok) return responseFailure(result.reason, id, values);
		return { responseSaved: true };
	},

	/** The representative corrects the response within the edit window. */
	editResponse: async ({ params, locals, request, url }) => {
		const { user, id } = reportIdOrSignIn(locals, params, url);
		const values = readForm(await readFormData(request), responseFields);
		const parsed = v.safeParse(responseSchema, values);
		if (!parsed.success) {
			return fail(400, { editForm: { values, errors: firstErrors(parsed.issues) } });
		}
		const result = editResponse(db, user, id, parsed.output);
		if (!result.ok) return responseFailure(result.reason, id, values, 'editForm');
		return { responseUpdated: true };
	},

	/** Anyone signed in flags the report or its response for moderators. */
	flag: async ({ params, locals, request, url, setHeaders }) => {
		const { user, id } = reportIdOrSignIn(locals, params, url);
		const values = readForm(await readFormData(request), flagFields);
		const parsed = v.safeParse(flagSchema, values);
		if (!parsed.success) {
			return fail(400, { flagForm: { values, errors: firstErrors(parsed.issues) } });
		}
		if (config.rateLimits) {
			const allowed = rateLimits.flagsPerUser.consume(user.id);
			if (!allowed.ok) {
				setHeaders({ 'retry-after': String(allowed.retryAfterSeconds) });
				return fail(429, {
					flagForm: {
						values,
						errors: { reason: m.flag_limited({ seconds: allowed.retryAfterSeconds }) }
					}
				});
			}
		}
		const response = parsed.output.target === 'response' ? getResponse(db, id) : undefined;
		const targetId = parsed.output.target === 'response' ? response?.id : id;
		if (targetId === undefined) error(404);
		const result = flagContent(db, user, {
			targetType: parsed.output.target,
			targetId,
			reason: parsed.output.reason,
			note: parsed.output.note
		});
		if (!result.ok && result.reason === 'not-found') error(404);
		if (!result.ok && result.reason === 'already-hidden') {
			// Those who may see the hidden report are told; to anyone else it does not exist.
			const maySee = canModerate(user) || getReport(db, id)?.report.authorId === user.id;
			if (!maySee) error(404);
			return fail(409, { flagForm: { values, errors: { reason: m.flag_already_hidden() } } });
		}
		return { flagged: parsed.output.target };
	},

	/** A moderator decides on the report or its response from the report's page. */
	moderate: async ({ params, locals, request, url }) => {
		const { user, id } = reportIdOrSignIn(locals, params, url);
		if (!canModerate(user)) error(403);
		const data = await readFormData(request);
		const outcome = submitDecision(db, user, data);
		if (!outcome.ok && (outcome.status === 403 || outcome.status === 404)) error(outcome.status);
		// A removal confirmed from the page leaves nothing to show: back to the list.
		if (outcome.ok && outcome.action === 'confirm-removal') {
			redirect(303, localizeHref('/moderation/hidden?status=removed'));
		}
		if (!outcome.ok) {
			return fail(outcome.status, {
				moderationForm: { values: outcome.values, errors: outcome.errors }
			});
		}
		return { moderated: true, reportId: id };
	},

	/** The author deletes the report for good, after ticking a confirmation. */
	delete: async ({ params, locals, request, url }) => {
		const { user, id } = reportIdOrSignIn(locals, params, url);
		if ((await readFormData(request)).get('confirm') !== 'yes') {
			return fail(400, { deleteError: m.delete_confirm_required() });
		}
		const result = deleteOwnReport(db, user, id);
		if (!result.ok && result.reason === 'forbidden') error(403);
		if (!result.ok) error(404);
		redirect(303, localizeHref('/?deleted=1'));
	},

	/** The report's author accepts or disputes the response, and says where things stand. */
	answer: async ({ params, locals, request, url }) => {
		const { user, id } = reportIdOrSignIn(locals, params, url);
		const values = readForm(await readFormData(request), verdictFields);
		const parsed = v.safeParse(verdictSchema, values);
		if (!parsed.success) {
			return fail(400, { verdictForm: { values, errors: firstErrors(parsed.issues) } });
		}
		const result = answerResponse(db, user, id, parsed.output);
		if (!result.ok && result.reason === 'forbidden') error(403);
		if (!result.ok) error(404);
		return { verdictSaved: true };
	}
};

function responseFailure(
	reason: 'not-found' | 'forbidden' | 'already-responded' | 'imported' | 'too-late',
	reportId: number,
	values: Record<string, string>,
	form: 'responseForm' | 'editForm' = 'responseForm'
) {
	if (reason === 'not-found') error(404);
	const detail = getReport(db, reportId);
	const company = detail?.company.name ?? '';
	const message =
		reason === 'already-responded'
			? m.response_already()
			: reason === 'too-late'
				? m.response_too_late()
				: m.response_forbidden({ company });
	return fail(reason === 'forbidden' || reason === 'imported' ? 403 : 409, {
		[form]: { values, errors: { form: message } }
	});
}
