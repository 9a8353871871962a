/**
 * What each notice says, in the reader's language: a notice is stored as a key and parameters
 * (titles, names, slugs) and becomes a sentence only when it is read or mailed, so that a German
 * reader reads German and a reason shows its label, not its slug.
 */
import { m } from '$lib/paraglide/messages';
import { baseLocale, localizeHref, toLocale, type Locale } from '$lib/paraglide/runtime';
import { flagReasonLabelIn } from '$lib/labels';

/** Each notice and its parameters. */
export type NoticeParams = {
	'response-posted': { title: string; company: string };
	'report-hidden': { title: string; reason: string; note: string };
	'report-restored': { title: string; note: string };
	'report-removed': { title: string; reason: string; note: string };
	'response-hidden': { title: string; reason: string; note: string };
	'response-restored': { title: string; note: string };
	'response-removed': { title: string; reason: string; note: string };
	/** To the report's author: the company wrote again in the conversation. */
	'thread-company-entry': { title: string; company: string };
	/** To the company's representatives: the report's author replied. */
	'thread-author-entry': { title: string };
	'entry-hidden': { title: string; reason: string; note: string };
	'entry-restored': { title: string; note: string };
	'entry-removed': { title: string; reason: string; note: string };
	/** To a flagger: moderators took the flagged item out of public view. */
	'flag-upheld': { title: string; note: string };
	/** To a flagger: moderators looked and left the item public. */
	'flag-declined': { title: string; note: string };
	/** To an author: "Is it fixed?", asked 2, 4 and 8 weeks after filing (followups/followups.ts). */
	'followup-asked': { title: string };
	/** A sentence stored before notices had keys (migration 0005), shown as it was written. */
	legacy: { text: string };
};
export type NoticeKey = keyof NoticeParams;
export type Notice = { [K in NoticeKey]: { key: K; params: NoticeParams[K] } }[NoticeKey];

type Render = (params: Record<string, string>, locale: Locale) => string;

const withNote = (text: string, note: string | undefined, locale: Locale) =>
	note ? `${text} ${m.notice_note({ note }, { locale })}` : text;
const reason = (slug: string | undefined, locale: Locale) => flagReasonLabelIn(slug ?? '', locale);

const renderers: Record<NoticeKey, Render> = {
	'response-posted': (p, locale) =>
		m.notice_response_posted({ company: p.company ?? '', title: p.title ?? '' }, { locale }),
	'report-hidden': (p, locale) =>
		withNote(
			m.notice_report_hidden(
				{ title: p.title ?? '', reason: reason(p.reason, locale) },
				{ locale }
			),
			p.note,
			locale
		),
	'report-restored': (p, locale) =>
		withNote(m.notice_report_restored({ title: p.title ?? '' }, { locale }), p.note, locale),
	'report-removed': (p, locale) =>
		withNote(
			m.notice_report_removed(
				{ title: p.title ?? '', reason: reason(p.reason, locale) },
				{ locale }
			),
			p.note,
			locale
		),
	'response-hidden': (p, locale) =>
		withNote(
			m.notice_response_hidden(
				{ title: p.title ?? '', reason: reason(p.reason, locale) },
				{ locale }
			),
			p.note,
			locale
		),
	'response-restored': (p, locale) =>
		withNote(m.notice_response_restored({ title: p.title ?? '' }, { locale }), p.note, locale),
	'response-removed': (p, locale) =>
		withNote(
			m.notice_response_removed(
				{ title: p.title ?? '', reason: reason(p.reason, locale) },
				{ locale }
			),
			p.note,
			locale
		),
	'thread-company-entry': (p, locale) =>
		m.notice_thread_company_entry({ company: p.company ?? '', title: p.title ?? '' }, { locale }),
	'thread-author-entry': (p, locale) =>
		m.notice_thread_author_entry({ title: p.title ?? '' }, { locale }),
	'entry-hidden': (p, locale) =>
		withNote(
			m.notice_entry_hidden({ title: p.title ?? '', reason: reason(p.reason, locale) }, { locale }),
			p.note,
			locale
		),
	'entry-restored': (p, locale) =>
		withNote(m.notice_entry_restored({ title: p.title ?? '' }, { locale }), p.note, locale),
	'entry-removed': (p, locale) =>
		withNote(
			m.notice_entry_removed(
				{ title: p.title ?? '', reason: reason(p.reason, locale) },
				{ locale }
			),
			p.note,
			locale
		),
	'flag-upheld': (p, locale) =>
		withNote(m.notice_flag_upheld({ title: p.title ?? '' }, { locale }), p.note, locale),
	'flag-declined': (p, locale) =>
		withNote(m.notice_flag_declined({ title: p.title ?? '' }, { locale }), p.note, locale),
	'followup-asked': (p, locale) => m.notice_followup_asked({ title: p.title ?? '' }, { locale }),
	legacy: (p) => p.text ?? ''
};

function isNoticeKey(key: string): key is NoticeKey {
	return Object.hasOwn(renderers, key);
}

/** Parameters as stored; a damaged value reads as none rather than breaking the page. */
function parseParams(json: string): Record<string, string> {
	try {
		const value: unknown = JSON.parse(json);
		if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
		return Object.fromEntries(
			Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : String(v ?? '')])
		);
	} catch {
		return {};
	}
}

/** A stored notice as a sentence in the reader's language. */
export function renderNotice(row: { key: string; params: string }, locale: Locale): string {
	const params = parseParams(row.params);
	if (!isNoticeKey(row.key)) return params.text ?? row.key;
	return renderers[row.key](params, locale);
}

/** Where a notice about a report points, in the reader's language (a path on this site). */
export function noticeHref(reportId: number | null, locale: Locale): string | null {
	return reportId === null ? null : localizeHref(`/reports/${reportId}`, { locale });
}

/**
 * The language to write to a user in when they are not reading a page: the one they last used
 * Recourse in, else the report's language when the interface has it, else English.
 */
export function readerLocale(userLocale: string | null, fallback?: string | null): Locale {
	return toLocale(userLocale ?? '') ?? toLocale(fallback ?? '') ?? baseLocale;
}
