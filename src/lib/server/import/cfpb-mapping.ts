/**
 * How a CFPB complaint becomes a Recourse report: the one place, kept as data, that maps CFPB
 * products, issues and company responses to Recourse's taxonomy. Change a row here, re-run the
 * import, and the reports (and roll-ups) follow; the original values are always kept in
 * `report.source_details` and shown on the report page.
 */
import type { Category, Outcome, ResponseAction, Trigger, Verdict } from '../../taxonomy';

/**
 * A rule matches when every given field contains one of its phrases (lower-case substrings,
 * so that CFPB's rewordings over the years, e.g. "…into an existing problem" / "…issue", still
 * match). Rules are tried in order; the first that matches decides the category, and may add a
 * trigger (a life event, so that imported complaints feed recurring patterns).
 */
export type CategoryRule = {
	subIssue?: readonly string[];
	issue?: readonly string[];
	product?: readonly string[];
	category: Category;
	trigger?: Trigger;
};

/**
 * Sub-issues first (they are the most specific), then issues, then products. Documented as a
 * table on purpose: read it top to bottom.
 */
export const categoryRules: readonly CategoryRule[] = [
	// Sub-issues that say more than their issue.
	{ subIssue: ['company closed your account', 'account was closed'], category: 'account-closed' },
	{ subIssue: ['billing dispute', 'billing problem'], category: 'billing-error' },
	{ subIssue: ['refund'], category: 'refund-refused' },
	{
		subIssue: ['problem canceling', 'cancel'],
		category: 'cancellation-obstructed',
		trigger: 'cancellation'
	},
	{
		subIssue: ['did not fix an error', 'information belongs to someone else'],
		category: 'data-privacy'
	},
	{
		subIssue: [
			'investigation took more than 30 days',
			'was not notified of investigation',
			'difficulty submitting a dispute',
			'problem with personal statement of dispute'
		],
		category: 'unreachable-support'
	},
	{
		subIssue: ['deceased', 'death'],
		category: 'billing-error',
		trigger: 'death-of-account-holder'
	},

	// Credit reports: the records a company keeps about a person.
	{
		issue: ['unable to get your credit report', 'unable to get report'],
		category: 'unreachable-support'
	},
	{ issue: ['credit monitoring', 'monitoring services'], category: 'misleading-sales' },
	{
		issue: [
			'incorrect information on your report',
			'improper use of your report',
			'credit reporting company',
			'investigation into an existing',
			'fraud alerts or security freezes',
			'identity theft',
			'credit report',
			'credit reporting'
		],
		category: 'data-privacy'
	},
	{
		issue: ['threatened to contact someone', 'share information', 'privacy'],
		category: 'data-privacy'
	},

	// Closing and opening accounts.
	{
		issue: ['closing an account', 'closing your account', 'closing/cancelling', 'or closing'],
		category: 'cancellation-obstructed',
		trigger: 'cancellation'
	},
	{
		issue: [
			'opening an account',
			'getting a credit card',
			'getting a card',
			'getting the loan',
			'getting a loan',
			'applying for a mortgage',
			'getting a line of credit',
			'account opening'
		],
		category: 'broken-promise',
		trigger: 'new-account'
	},

	// Money taken, charged or not paid out.
	{
		issue: [
			'attempts to collect debt not owed',
			"cont'd attempts collect debt not owed",
			'disclosure verification of debt',
			'written notification about debt',
			'fees or interest',
			"charged fees or interest you didn't expect",
			'apr or interest rate',
			'billing',
			'fee',
			'problem with a purchase',
			'problem when making payments',
			'trouble during payment process',
			'payment process',
			'loan servicing, payments, escrow',
			'payoff process',
			'charging your account',
			'funds being low',
			'wrong amount',
			'transaction',
			'managing an account',
			'managing the loan or lease',
			'problems at the end of the loan or lease',
			'settlement process and costs',
			'late fee',
			'balance transfer'
		],
		category: 'billing-error'
	},
	{ issue: ['fraud or scam'], category: 'refund-refused' },
	{ issue: ['vehicle was repossessed', 'repossession', 'foreclosure'], category: 'account-closed' },
	{
		issue: [
			'took or threatened to take negative or legal action',
			'communication tactics',
			'collection practices',
			'electronic communications',
			'harassment'
		],
		category: 'rude-staff'
	},
	{
		issue: [
			'false statements or representation',
			'advertising',
			'confusing or missing disclosures',
			'confusing or misleading',
			'marketing'
		],
		category: 'misleading-sales'
	},
	{
		issue: [
			"can't contact lender",
			'dealing with your lender or servicer',
			'customer service',
			'problem with customer service'
		],
		category: 'unreachable-support'
	},
	{ issue: ['trouble using the card', 'trouble using your card'], category: 'service-outage' },
	{
		issue: [
			"was approved for a loan, but didn't receive",
			'money was not available when promised',
			"didn't provide services promised",
			'closing on a mortgage',
			'struggling to pay',
			'struggling to repay',
			'problems when you are unable to pay',
			'loan modification',
			'other features, terms, or problems'
		],
		category: 'broken-promise'
	},

	// Products, when the issue says nothing more.
	{ product: ['credit reporting'], category: 'data-privacy' },
	{ product: ['debt or credit management', 'credit repair'], category: 'broken-promise' },
	{
		product: [
			'debt collection',
			'credit card',
			'prepaid card',
			'checking or savings',
			'bank account',
			'mortgage',
			'vehicle loan',
			'consumer loan',
			'money transfer',
			'virtual currency',
			'payday loan',
			'student loan',
			'personal loan'
		],
		category: 'billing-error'
	}
];

/** When no rule matches: most CFPB complaints are about money taken or owed. */
export const fallbackCategory: Category = 'billing-error';

export type CategoryMapping = { category: Category; trigger: Trigger | null };

const contains = (value: string, phrases: readonly string[] | undefined) =>
	phrases === undefined || phrases.some((p) => value.includes(p));

const mappingCache = new Map<string, CategoryMapping>();

/** The Recourse category (and trigger, if any) of a CFPB product, issue and sub-issue. */
export function mapCategory(product: string, issue: string, subIssue: string): CategoryMapping {
	const key = `${product}\u0000${issue}\u0000${subIssue}`;
	const cached = mappingCache.get(key);
	if (cached) return cached;
	const p = product.toLowerCase();
	const i = issue.toLowerCase();
	const s = subIssue.toLowerCase();
	const rule = categoryRules.find(
		(r) =>
			(r.subIssue || r.issue || r.product) &&
			(!r.subIssue || (s && contains(s, r.subIssue))) &&
			(!r.issue || (i && contains(i, r.issue))) &&
			(!r.product || (p && contains(p, r.product)))
	);
	const mapping = { category: rule?.category ?? fallbackCategory, trigger: rule?.trigger ?? null };
	// The distinct combinations number in the hundreds; the bound only guards odd files.
	if (mappingCache.size < 10_000) mappingCache.set(key, mapping);
	return mapping;
}

/**
 * CFPB's "Company response to consumer" → the company_response row. `null` means no row:
 * the company has not answered yet ("In progress"). An "Untimely response" is a row with no
 * action, never timely.
 */
export const companyResponses: Record<
	string,
	{ action: ResponseAction | null; untimely?: true } | null
> = {
	'Closed with explanation': { action: 'explanation' },
	'Closed with monetary relief': { action: 'monetary-relief' },
	'Closed with non-monetary relief': { action: 'non-monetary-relief' },
	// Before 2013 the CFPB did not say which kind of relief.
	'Closed with relief': { action: 'non-monetary-relief' },
	'Closed without relief': { action: 'no-action' },
	Closed: { action: 'no-action' },
	'Untimely response': { action: null, untimely: true },
	'In progress': null
};

/**
 * The report's outcome from the company's response and the consumer's dispute: money back
 * resolves it; other relief (a corrected record, a closed account) resolves part of it; an
 * explanation, no relief, no answer or an answer still awaited leaves it unresolved. A consumer
 * who disputed the response had not got what they asked for: resolved becomes partly resolved.
 */
export const outcomeByAction: Record<ResponseAction | 'none', Outcome> = {
	'monetary-relief': 'resolved',
	fixed: 'resolved',
	'non-monetary-relief': 'partly-resolved',
	explanation: 'unresolved',
	'no-action': 'unresolved',
	none: 'unresolved'
};

export function mapOutcome(action: ResponseAction | null, disputed: Verdict | null): Outcome {
	const outcome = outcomeByAction[action ?? 'none'];
	return disputed === 'disputed' && outcome === 'resolved' ? 'partly-resolved' : outcome;
}

/** "Consumer disputed?": Yes → the response is disputed; No and N/A (since 2017) say nothing. */
export function mapVerdict(value: string): Verdict | null {
	return value.trim().toLowerCase() === 'yes' ? 'disputed' : null;
}

/** "Timely response?": Yes / No; anything else counts as not timely. */
export function mapTimely(value: string): boolean {
	return value.trim().toLowerCase() === 'yes';
}

/** CFPB tags → vulnerability tags. Unknown tags keep a slug of their own name. */
export const tagSlugs: Record<string, string> = {
	'older american': 'older-american',
	servicemember: 'servicemember'
};

/** "Older American, Servicemember" → ["older-american", "servicemember"]; none → []. */
export function mapTags(value: string): string[] {
	const tags = value
		.split(',')
		.map((t) => t.trim().toLowerCase())
		.filter(Boolean)
		.map((t) => tagSlugs[t] ?? t.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''))
		.filter(Boolean);
	return [...new Set(tags)].sort();
}
