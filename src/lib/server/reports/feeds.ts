/** Atom feeds of reports (per company, per pattern, per explore view), built with the `feed` library. */
import { Feed } from 'feed';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import {
	categoryLabel,
	channelLabel,
	escalationLabel,
	industryLabel,
	outcomeLabel,
	ratingLabel,
	sourceLabel,
	triggerLabel
} from '../../labels';
import { languageName } from '../../format';
import { findCompanyBySlug } from '../companies/companies';
import type { Db } from '../db/client';
import { listExploreReports, type ExploreFilters } from './explore';

/**
 * What a view shows, in words, for its feed's title: "Reports: Billing error · Acme · “refund”".
 * Every filter appears, so two feeds of different views never share a title.
 */
export function viewTitle(db: Db, filters: ExploreFilters): string {
	const parts = [
		...filters.company.map((slug) => findCompanyBySlug(db, slug)?.name ?? slug),
		...filters.industry.map(industryLabel),
		...filters.category.map(categoryLabel),
		...filters.trigger.map(triggerLabel),
		...filters.outcome.map(outcomeLabel),
		...filters.channel.map(channelLabel),
		...filters.escalation.map(escalationLabel),
		...filters.rating.map((r) => ratingLabel(String(r))),
		...filters.language.map(languageName),
		...filters.source.map(sourceLabel),
		filters.from ? `${m.explore_from()} ${filters.from}` : null,
		filters.to ? `${m.explore_to()} ${filters.to}` : null,
		filters.q ? `“${filters.q}”` : null
	].filter((part): part is string => !!part);
	const view = parts.length ? m.feed_view_title({ view: parts.join(' · ') }) : m.feed_all_reports();
	return `${view} · ${m.site_name()}`;
}

/**
 * The 50 newest reports of a filter state, search words included, as an Atom document (RFC
 * 4287): the feed names Recourse as its author, each entry its source; an empty feed is dated
 * when it was read, since no entry dates it.
 */
export function atomFeedResponse(
	db: Db,
	filters: ExploreFilters,
	feed: { title: string; selfUrl: string; pageUrl: string },
	now = Date.now()
): Response {
	// Feeds follow what is new, not what is most relevant: newest first, words as a filter.
	const { reports } = listExploreReports(db, filters, { limit: 50, newest: true });
	const origin = new URL(feed.selfUrl).origin;
	const site = { name: m.site_name(), link: origin + localizeHref('/') };
	const atom = new Feed({
		id: feed.selfUrl,
		title: feed.title,
		link: feed.pageUrl,
		feedLinks: { atom: feed.selfUrl },
		updated: new Date(reports[0]?.createdAt ?? now),
		author: site,
		generator: m.site_name(),
		copyright: m.footer_text()
	});
	for (const r of reports) {
		atom.addItem({
			id: `${origin}/reports/${r.id}`,
			link: origin + localizeHref(`/reports/${r.id}`),
			title: m.report_title_meta({ title: r.title, company: r.companyName }),
			date: new Date(r.createdAt),
			// Reports are published under no name: the entry's author is where it was published.
			author: [r.source === 'recourse' ? site : { name: sourceLabel(r.source) }],
			description: [
				r.source === 'recourse' ? null : sourceLabel(r.source),
				categoryLabel(r.category),
				outcomeLabel(r.outcome),
				r.rating === null ? null : m.scorecard_rating_value({ value: r.rating })
			]
				.filter(Boolean)
				.join(' · ')
		});
	}
	return new Response(atom.atom1(), {
		headers: { 'content-type': 'application/atom+xml; charset=utf-8' }
	});
}
