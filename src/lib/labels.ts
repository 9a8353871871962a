/** Human labels for taxonomy slugs, in the current locale, from Paraglide messages. */
import { m } from '$lib/paraglide/messages';
import { remembered } from '$lib/i18n';
import type { Locale } from '$lib/paraglide/runtime';
import type { FollowupAnswer } from './followup-answers';
import type {
	Category,
	Channel,
	Escalation,
	FlagReason,
	Industry,
	Outcome,
	ReportSource,
	ResponseAction,
	Trigger,
	Verdict
} from './taxonomy';
import type { EventKind, ResolutionRoute } from './case-timeline';

type Labels<T extends string> = Record<T, () => string>;

const categoryLabels: Labels<Category> = {
	'billing-error': m.cat_billing_error,
	'service-outage': m.cat_service_outage,
	'cancellation-obstructed': m.cat_cancellation_obstructed,
	'refund-refused': m.cat_refund_refused,
	'unreachable-support': m.cat_unreachable_support,
	'broken-promise': m.cat_broken_promise,
	'account-closed': m.cat_account_closed,
	'rude-staff': m.cat_rude_staff,
	'misleading-sales': m.cat_misleading_sales,
	'data-privacy': m.cat_data_privacy
};

const triggerLabels: Labels<Trigger> = {
	'death-of-account-holder': m.trig_death_of_account_holder,
	'moving-house': m.trig_moving_house,
	'switching-plan': m.trig_switching_plan,
	cancellation: m.trig_cancellation,
	'new-account': m.trig_new_account,
	'name-change': m.trig_name_change,
	none: m.trig_none
};

const channelLabels: Labels<Channel> = {
	phone: m.chan_phone,
	chat: m.chan_chat,
	email: m.chan_email,
	'in-store': m.chan_in_store,
	'social-media': m.chan_social_media,
	letter: m.chan_letter
};

const escalationLabels: Labels<Escalation> = {
	supervisor: m.esc_supervisor,
	'executive-office': m.esc_executive_office,
	regulator: m.esc_regulator,
	media: m.esc_media,
	court: m.esc_court,
	other: m.esc_other
};

const outcomeLabels: Labels<Outcome> = {
	unresolved: m.out_unresolved,
	'partly-resolved': m.out_partly_resolved,
	resolved: m.out_resolved
};

const followupAnswerLabels: Labels<FollowupAnswer> = {
	yes: m.followup_answer_yes,
	partly: m.followup_answer_partly,
	no: m.followup_answer_no,
	'not-sure': m.followup_answer_not_sure
};

const industryLabels: Labels<Industry> = {
	telecom: m.ind_telecom,
	internet: m.ind_internet,
	energy: m.ind_energy,
	water: m.ind_water,
	banking: m.ind_banking,
	insurance: m.ind_insurance,
	retail: m.ind_retail,
	shipping: m.ind_shipping,
	travel: m.ind_travel,
	streaming: m.ind_streaming,
	'public-service': m.ind_public_service,
	other: m.ind_other
};

const responseActionLabels: Labels<ResponseAction> = {
	explanation: m.action_explanation,
	fixed: m.action_fixed,
	'monetary-relief': m.action_monetary_relief,
	'non-monetary-relief': m.action_non_monetary_relief,
	'no-action': m.action_no_action
};

const verdictLabels: Labels<Verdict> = {
	accepted: m.verdict_accepted,
	disputed: m.verdict_disputed
};

const sourceLabels: Labels<ReportSource> = {
	recourse: m.source_recourse,
	cfpb: m.source_cfpb
};

const flagReasonLabels: Labels<FlagReason> = {
	'personal-data': m.flag_personal_data,
	abusive: m.flag_abusive,
	defamatory: m.flag_defamatory,
	spam: m.flag_spam,
	duplicate: m.flag_duplicate,
	'implausible-amount': m.flag_implausible_amount
};

/** Vulnerability tags carried by imported records. */
const tagLabels: Labels<'older-american' | 'servicemember'> = {
	'older-american': m.tag_older_american,
	servicemember: m.tag_servicemember
};

const eventKindLabels: Labels<EventKind> = {
	'first-contact': m.evt_first_contact,
	contact: m.evt_contact,
	'promise-made': m.evt_promise_made,
	'promise-broken': m.evt_promise_broken,
	'service-lost': m.evt_service_lost,
	'service-restored': m.evt_service_restored,
	escalation: m.evt_escalation,
	'company-response': m.evt_company_response,
	refund: m.evt_refund,
	resolved: m.evt_resolved,
	note: m.evt_note
};

const resolutionRouteLabels: Labels<ResolutionRoute> = {
	company: m.resolved_by_company,
	...escalationLabels
};

function labeller<T extends string>(labels: Labels<T>) {
	// Unknown slugs (from old data) show as themselves rather than breaking the page.
	return (slug: string): string => labels[slug as T]?.() ?? slug;
}

export const categoryLabel = labeller(categoryLabels);
export const triggerLabel = labeller(triggerLabels);
export const channelLabel = labeller(channelLabels);
export const escalationLabel = labeller(escalationLabels);
export const outcomeLabel = labeller(outcomeLabels);
export const followupAnswerLabel = labeller(followupAnswerLabels);
export const industryLabel = labeller(industryLabels);
export const responseActionLabel = labeller(responseActionLabels);
export const verdictLabel = labeller(verdictLabels);
export const sourceLabel = labeller(sourceLabels);
export const flagReasonLabel = labeller(flagReasonLabels);
export const tagLabel = labeller(tagLabels);
export const eventKindLabel = labeller(eventKindLabels);
export const resolutionRouteLabel = labeller(resolutionRouteLabels);

/** Labels in a given language rather than the request's: for a reader who is not the requester. */
function labellerIn<T extends string>(labels: Labels<T>) {
	const messages = labels as Record<T, (inputs: object, options: { locale: Locale }) => string>;
	return (slug: string, locale: Locale): string => messages[slug as T]?.({}, { locale }) ?? slug;
}

export const flagReasonLabelIn = labellerIn(flagReasonLabels);
export const categoryLabelIn = labellerIn(categoryLabels);
export const eventKindLabelIn = labellerIn(eventKindLabels);
export const escalationLabelIn = labellerIn(escalationLabels);

const triggerAfterLabels: Labels<Exclude<Trigger, 'none'>> = {
	'death-of-account-holder': m.trig_after_death_of_account_holder,
	'moving-house': m.trig_after_moving_house,
	'switching-plan': m.trig_after_switching_plan,
	cancellation: m.trig_after_cancellation,
	'new-account': m.trig_after_new_account,
	'name-change': m.trig_after_name_change
};

/** "Billing error after the death of the account holder". */
export function patternTitle(category: string, trigger: string): string {
	const after = triggerAfterLabels[trigger as Exclude<Trigger, 'none'>];
	return m.pattern_title({ category: categoryLabel(category), trigger: after ? after() : trigger });
}

const ratingText = remembered(m.field_rating_value);
/** "4 stars" for a rating key (1 to 5), as histograms store it. */
export function ratingLabel(rating: string): string {
	return ratingText({ value: Number(rating) });
}

/** What a moderated item is: a report, a company's response, or a message of a conversation. */
export function moderationTargetLabel(type: 'report' | 'response' | 'entry'): string {
	return type === 'report'
		? m.moderation_report()
		: type === 'entry'
			? m.moderation_entry()
			: m.moderation_response();
}
