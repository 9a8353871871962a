/** One row of the CFPB Consumer Complaint Database export: its columns, checks, and the report it becomes. */
import { oneLine } from '../../one-line';
import { normaliseCompanyName } from '../companies/names';
import type { Category, Outcome, ResponseAction, Trigger, Verdict } from '../../taxonomy';
import {
	companyResponses,
	mapCategory,
	mapOutcome,
	mapTags,
	mapTimely,
	mapVerdict
} from './cfpb-mapping';

/** The 18 columns of the official CSV export, as its header names them. */
export const cfpbColumns = [
	'Date received',
	'Product',
	'Sub-product',
	'Issue',
	'Sub-issue',
	'Consumer complaint narrative',
	'Company public response',
	'Company',
	'State',
	'ZIP code',
	'Tags',
	'Consumer consent provided?',
	'Submitted via',
	'Date sent to company',
	'Company response to consumer',
	'Timely response?',
	'Consumer disputed?',
	'Complaint ID'
] as const;
export type CfpbColumn = (typeof cfpbColumns)[number];

/** Positions of the columns in a file, from its header row (columns may come in any order). */
export type CfpbHeader = { index: Record<CfpbColumn, number>; width: number };

/** Reads the header row; throws when it is not a CFPB complaints export. */
export function readCfpbHeader(row: string[]): CfpbHeader {
	const names = row.map((name) => name.trim());
	const missing = cfpbColumns.filter((c) => !names.includes(c));
	if (missing.length) {
		throw new Error(
			`Not a CFPB complaints export: the header lacks ${missing.map((m) => `"${m}"`).join(', ')}`
		);
	}
	const index = Object.fromEntries(cfpbColumns.map((c) => [c, names.indexOf(c)])) as Record<
		CfpbColumn,
		number
	>;
	return { index, width: names.length };
}

/** The original facts kept in `report.source_details` and shown on the report page. */
export type CfpbDetails = {
	product: string;
	subProduct: string | null;
	issue: string;
	subIssue: string | null;
	company: string;
	state: string | null;
	zipCode: string | null;
	submittedVia: string | null;
	dateSentToCompany: string | null;
	companyResponse: string | null;
	companyPublicResponse: string | null;
	timelyResponse: string | null;
	consumerDisputed: string | null;
	consumerConsent: string | null;
};

/** A complaint ready to write: the report's facts and its company response, if any. */
export type CfpbComplaint = {
	externalId: string;
	companyName: string;
	companyKey: string;
	title: string;
	product: string;
	category: Category;
	trigger: Trigger | null;
	startedOn: string;
	outcome: Outcome;
	/** As published (already scrubbed by the CFPB); redaction runs when the report is written. */
	rawNarrative: string;
	createdAt: number;
	details: CfpbDetails;
	tags: string[];
	response: {
		action: ResponseAction | null;
		timely: boolean;
		verdict: Verdict | null;
		body: string | null;
		createdAt: number;
	} | null;
	/** A "Company response to consumer" value the mapping does not know (no response row). */
	unknownResponse: string | null;
};

export type CfpbRowResult = { ok: true; complaint: CfpbComplaint } | { ok: false; reason: string };

const NOON = 12 * 3_600_000;

/** "2023-08-25" or the older exports' "08/25/2023" → "2023-08-25"; null when not a real date. */
export function parseCfpbDate(value: string): string | null {
	const v = value.trim();
	let iso: string;
	const us = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(v);
	if (us) iso = `${us[3]}-${us[1]}-${us[2]}`;
	else if (/^\d{4}-\d{2}-\d{2}/.test(v)) iso = v.slice(0, 10);
	else return null;
	const ms = Date.parse(`${iso}T00:00:00Z`);
	if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== iso) return null;
	return iso;
}

const noonUtc = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) + NOON;
const orNull = (value: string) => (value ? value : null);

/** Checks one data row and turns it into a complaint, or says why it is skipped. */
export function readCfpbRow(header: CfpbHeader, row: string[]): CfpbRowResult {
	if (row.length !== header.width) {
		return { ok: false, reason: `expected ${header.width} fields, found ${row.length}` };
	}
	const get = (column: CfpbColumn) => (row[header.index[column]] ?? '').trim();
	const externalId = get('Complaint ID');
	if (!/^\d{1,15}$/.test(externalId))
		return { ok: false, reason: 'missing or invalid Complaint ID' };
	const received = parseCfpbDate(get('Date received'));
	if (!received) return { ok: false, reason: 'missing or invalid Date received' };
	const companyName = oneLine(get('Company'));
	const companyKey = normaliseCompanyName(companyName);
	if (!companyKey) return { ok: false, reason: 'missing Company' };
	const product = get('Product');
	const issue = get('Issue');
	if (!product && !issue) return { ok: false, reason: 'missing Product and Issue' };

	const subProduct = get('Sub-product');
	const subIssue = get('Sub-issue');
	const sentRaw = get('Date sent to company');
	const sent = sentRaw ? parseCfpbDate(sentRaw) : null;
	const responseText = get('Company response to consumer');
	const publicResponse = get('Company public response');
	const timelyText = get('Timely response?');
	const disputedText = get('Consumer disputed?');

	const known = Object.hasOwn(companyResponses, responseText);
	const mapped = known ? companyResponses[responseText] : null;
	const verdict = mapVerdict(disputedText);
	const response = mapped
		? {
				action: mapped.action,
				timely: mapped.untimely ? false : mapTimely(timelyText),
				verdict,
				body: orNull(publicResponse),
				createdAt: noonUtc(sent ?? received)
			}
		: null;
	const { category, trigger } = mapCategory(product, issue, subIssue);

	return {
		ok: true,
		complaint: {
			externalId,
			companyName,
			companyKey,
			title: issue ? (subIssue ? `${issue}: ${subIssue}` : issue) : product,
			product: product ? (subProduct ? `${product}: ${subProduct}` : product) : subProduct,
			category,
			trigger,
			startedOn: received,
			outcome: mapOutcome(response?.action ?? null, verdict),
			rawNarrative: get('Consumer complaint narrative'),
			createdAt: noonUtc(received),
			details: {
				product,
				subProduct: orNull(subProduct),
				issue,
				subIssue: orNull(subIssue),
				company: companyName,
				state: orNull(get('State')),
				zipCode: orNull(get('ZIP code')),
				submittedVia: orNull(get('Submitted via')),
				dateSentToCompany: sent,
				companyResponse: orNull(responseText),
				companyPublicResponse: orNull(publicResponse),
				timelyResponse: orNull(timelyText),
				consumerDisputed: orNull(disputedText),
				consumerConsent: orNull(get('Consumer consent provided?'))
			},
			tags: mapTags(get('Tags')),
			response,
			unknownResponse: responseText && !known ? responseText : null
		}
	};
}
