import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/client';
import { createTestDb } from '../testing/db';
import { makeCompany, makeUser, reportInput } from '../testing/factories';
import { createReport, decodeCursor, updateReport } from './reports';
import {
	listExploreReports,
	parseExploreFilters,
	readExploreQuery,
	summariseExplore,
	searchSnippet,
	toFtsQuery,
	type ExploreFilters
} from './explore';

let db: Connection;
let authorId: string;
beforeEach(async () => {
	db = createTestDb();
	authorId = (await makeUser(db)).id;
	makeCompany(db, 'Acme Telecom');
	makeCompany(db, 'Globex Energy');
});

const filters = (query: string): ExploreFilters => parseExploreFilters(new URLSearchParams(query));
const file = (overrides: Parameters<typeof reportInput>[0], at = Date.UTC(2026, 0, 1)) => {
	const result = createReport(db, reportInput(overrides), authorId, at);
	if (!result.ok) throw new Error('not filed');
	return result.id;
};

describe('readExploreQuery', () => {
	const read = (query: string) =>
		readExploreQuery(db, new URLSearchParams(query), {}, { unknownNames: 'refuse' });

	it('reads every known value', () => {
		expect(
			read(
				'category=billing-error&rating=1&rating=5&from=2024-01-01&company=Acme-Telecom&q=%20x%20&outcome='
			)
		).toEqual({
			values: expect.objectContaining({
				category: ['billing-error'],
				rating: [1, 5],
				from: '2024-01-01',
				to: null,
				company: ['acme-telecom'],
				outcome: [],
				q: 'x'
			}),
			problems: []
		});
	});

	// Before: unknown values were dropped, and the view widened to every report.
	it('refuses an unknown or malformed value with the parameter and what it takes', () => {
		const { problems } = read(
			'category=biling-error&rating=9&from=2024-02-30&to=nope&language=xx&company=Acme%20Telecom&bogus=1'
		);
		expect(problems).toEqual([
			expect.objectContaining({ parameter: 'company', value: 'Acme Telecom', reason: 'malformed' }),
			expect.objectContaining({
				parameter: 'category',
				value: 'biling-error',
				reason: 'unknown-value',
				allowed: expect.arrayContaining(['billing-error'])
			}),
			expect.objectContaining({
				parameter: 'rating',
				value: '9',
				allowed: ['1', '2', '3', '4', '5']
			}),
			expect.objectContaining({ parameter: 'language', value: 'xx', reason: 'unknown-value' }),
			expect.objectContaining({ parameter: 'from', value: '2024-02-30', reason: 'malformed' }),
			expect.objectContaining({ parameter: 'to', value: 'nope', reason: 'malformed' }),
			expect.objectContaining({ parameter: 'bogus', reason: 'unknown-parameter' })
		]);
	});

	// Before: an unknown company answered an empty view, as if it had no reports.
	it('refuses a company that is not listed, as it refuses an unknown category', () => {
		expect(read('company=acme-telecom&company=acme-telekom').problems).toEqual([
			expect.objectContaining({
				parameter: 'company',
				value: 'acme-telekom',
				reason: 'unknown-value'
			})
		]);
	});

	it('refuses repeated single values, too many values, long words and backwards dates', () => {
		const reasons = (query: string) =>
			read(query).problems.map((p) => `${p.parameter} ${p.reason}`);
		expect(reasons('from=2024-01-01&from=2024-02-01')).toEqual(['from repeated']);
		expect(reasons(Array.from({ length: 21 }, (_, i) => `company=c${i}`).join('&'))).toEqual([
			'company too-many'
		]);
		expect(reasons(`q=${'a'.repeat(201)}`)).toEqual(['q out-of-range']);
		expect(reasons('from=2024-02-01&to=2024-01-01')).toEqual(['to out-of-range']);
	});

	it('passes over unknown names only when asked to (pages that links decorate)', () => {
		const query = new URLSearchParams('utm_source=x&category=billing-error');
		expect(readExploreQuery(db, query, {}, { unknownNames: 'ignore' }).problems).toEqual([]);
		expect(() => parseExploreFilters(query)).toThrow(/utm_source/);
	});
});

describe('toFtsQuery', () => {
	it('turns any text into a safe all-words query', () => {
		expect(toFtsQuery('shipping fee')).toBe('"shipping" "fee"*');
		expect(toFtsQuery('"NEAR(a b)" OR -x*')).toBe('"NEAR" "a" "b" "OR" "x"');
		expect(toFtsQuery('¿?!')).toBeNull();
	});
});

describe('explore', () => {
	it('filters by any combination of facts, and summarises the matches', () => {
		file({
			company: 'Acme Telecom',
			category: 'billing-error',
			channels: ['phone', 'chat'],
			rating: 1,
			startedOn: '2025-12-30'
		});
		file({
			company: 'Acme Telecom',
			category: 'service-outage',
			escalations: ['media'],
			rating: 2
		});
		file(
			{
				company: 'Globex Energy',
				category: 'billing-error',
				channels: ['email'],
				language: 'de',
				rating: 4,
				startedOn: '2026-01-20'
			},
			Date.UTC(2026, 1, 3)
		);
		const billing = summariseExplore(db, filters('category=billing-error'));
		expect(billing.total).toBe(2);
		// Months of the incident, as the date filters read them, not of filing (Jan and Feb).
		expect(billing.months).toEqual([
			{ month: '2025-12', n: 1 },
			{ month: '2026-01', n: 1 }
		]);
		expect(billing.companies.map((c) => [c.slug, c.n])).toEqual([
			['acme-telecom', 1],
			['globex-energy', 1]
		]);
		expect(summariseExplore(db, filters('channel=chat')).total).toBe(1);
		expect(summariseExplore(db, filters('escalation=media&company=acme-telecom')).total).toBe(1);
		expect(summariseExplore(db, filters('language=de')).companies).toEqual([
			{ slug: 'globex-energy', name: 'Globex Energy', n: 1 }
		]);
		expect(summariseExplore(db, filters('rating=1&rating=2')).total).toBe(2);
	});

	it('gives the same figures from roll-ups as from a direct query', () => {
		file({ company: 'Acme Telecom', category: 'billing-error' });
		file({ company: 'Acme Telecom', category: 'service-outage' }, Date.UTC(2025, 5, 1));
		file({ company: 'Globex Energy', category: 'billing-error' });
		// No filter and one company are read from roll-ups; a date range that includes everything is not.
		for (const [rolled, direct] of [
			['', 'from=1970-01-01'],
			['company=acme-telecom', 'company=acme-telecom&from=1970-01-01']
		]) {
			const a = summariseExplore(db, filters(rolled!));
			const b = summariseExplore(db, filters(direct!));
			expect(a.total).toBe(b.total);
			expect(a.months).toEqual(b.months);
			expect([...a.categories].sort((x, y) => x.key.localeCompare(y.key))).toEqual(
				[...b.categories].sort((x, y) => x.key.localeCompare(y.key))
			);
		}
	});

	it('pages newest first', () => {
		for (let i = 0; i < 5; i++) file({ title: `Report ${i}` }, Date.UTC(2026, 0, 1 + i));
		const first = listExploreReports(db, filters(''), { limit: 2 });
		expect(first.reports.map((r) => r.title)).toEqual(['Report 4', 'Report 3']);
		const second = listExploreReports(db, filters(''), {
			limit: 2,
			before: decodeCursor(first.next)
		});
		expect(second.reports.map((r) => r.title)).toEqual(['Report 2', 'Report 1']);
	});
});

describe('full-text search', () => {
	const texts = {
		ca: 'La companyia em va tallar la línia telefònica durant cinc dies.',
		de: 'Die Rückerstattung wurde verweigert, obwohl die Kündigung bestätigt war.',
		es: 'Me cobraron una tarifa de envío absurda y nadie respondió al teléfono.',
		ru: 'Мне выставили счёт после смерти мужа, и оператор не помог.',
		pl: 'Operator nie pozwolił mi zrezygnować z umowy, mimo że złożyłem wypowiedzenie.'
	};

	it('finds reports in Catalan, German, Spanish, Russian and Polish, ignoring case and diacritics', () => {
		const ids: Record<string, number> = {};
		for (const [language, narrative] of Object.entries(texts)) {
			ids[language] = file({
				narrative,
				language: language as 'ca',
				title: `Report in ${language}`
			});
		}
		const search = (q: string) =>
			listExploreReports(db, filters(`q=${encodeURIComponent(q)}`)).reports.map((r) => r.id);
		expect(search('LINIA TELEFONICA')).toEqual([ids.ca]);
		expect(search('ruckerstattung kundigung')).toEqual([ids.de]);
		expect(search('envio TELÉFONO')).toEqual([ids.es]);
		expect(search('СЧЕТ смерти')).toEqual([ids.ru]);
		expect(search('zlozylem wypowiedzenie')).toEqual([ids.pl]);
		expect(search('zrezyg')).toEqual([ids.pl]);
		expect(search('złożyłem')).toEqual([ids.pl]);
		expect(search('счёт')).toEqual([ids.ru]);
		expect(summariseExplore(db, filters('q=telefonica')).total).toBe(1);
	});

	it('highlights where the words matched and ranks titles above narratives', () => {
		const inTitle = file({
			title: 'Shipping fee of 7455 dollars',
			narrative: 'They charged far more than the goods were worth.'
		});
		const inText = file({
			title: 'Refund refused',
			narrative: 'A shipping fee that was absurd, refunded only after a TV story.'
		});
		const found = listExploreReports(db, filters('q=shipping+fee')).reports;
		expect(found.map((r) => r.id)).toEqual([inTitle, inText]);
		expect(found[1]!.snippet).toContain('\u0002shipping\u0003 \u0002fee\u0003');
	});

	it('lists newest first when too many reports match to rank, unless asked to rank', () => {
		const at = (day: number) => Date.UTC(2026, 0, day);
		const older = file({ title: 'Shipping fee of 7455 dollars', narrative: 'Absurd.' }, at(1));
		const newer = file({ title: 'Refund refused', narrative: 'A shipping fee.' }, at(2));
		const newest = file({ title: 'Late parcel', narrative: 'The shipping fee was wrong.' }, at(3));
		const ids = (options: Parameters<typeof listExploreReports>[2]) =>
			listExploreReports(db, filters('q=shipping+fee'), options);
		const capped = ids({ rankedMax: 2 });
		expect(capped.order).toBe('newest');
		expect(capped.reports.map((r) => r.id)).toEqual([newest, newer, older]);
		const ranked = ids({ rankedMax: 2, rank: true });
		expect(ranked.order).toBe('relevance');
		expect(ranked.reports[0]!.id).toBe(older);
		expect(ids({}).order).toBe('relevance');
	});

	it('follows edits of the text', () => {
		const id = file({ narrative: 'The original words about a broken router.' });
		expect(listExploreReports(db, filters('q=router')).reports).toHaveLength(1);
		updateReport(
			db,
			id,
			reportInput({ narrative: 'Now only about a satellite dish that never worked.' }),
			authorId
		);
		expect(listExploreReports(db, filters('q=router')).reports).toHaveLength(0);
		expect(listExploreReports(db, filters('q=satellite')).reports).toHaveLength(1);
	});
});

describe('search index integrity', () => {
	it('stays consistent through creates, edits and deletes of text with folded letters', () => {
		const id = file({ narrative: 'Счёт пришёл после смерти мужа, złożyłem skargę.' });
		updateReport(
			db,
			id,
			reportInput({ narrative: 'Ещё один счёт, wypowiedzenie złożone.' }),
			authorId
		);
		db.$client
			.prepare('delete from report where id = ?')
			.run(file({ narrative: 'Ёлка and łódź, to be deleted.' }));
		expect(db.$client.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
		expect(() =>
			db.$client
				.prepare("insert into report_fts(report_fts, rank) values ('integrity-check', 0)")
				.run()
		).not.toThrow();
		expect(listExploreReports(db, filters('q=lodz')).reports).toHaveLength(0);
		expect(listExploreReports(db, filters('q=zlozone')).reports).toHaveLength(1);
	});
});

describe('searchSnippet', () => {
	it('marks the words wherever case and diacritics differ, cut at word boundaries', () => {
		const text = `${'Intro words here. '.repeat(20)}La línia TELEFÒNICA va caure. ${'More words after. '.repeat(20)}`;
		const snippet = searchSnippet(text, 'linia telefonica', 80)!;
		expect(snippet).toContain('\u0002línia\u0003 \u0002TELEFÒNICA\u0003');
		expect(snippet.startsWith('…')).toBe(true);
		expect(snippet.endsWith('…')).toBe(true);
		expect(
			snippet.replaceAll('…', '').replaceAll('\u0002', '').replaceAll('\u0003', '').length
		).toBeLessThanOrEqual(80);
		expect(searchSnippet('nothing here', 'absent')).toBeNull();
		expect(searchSnippet('<b>Счёт</b> пришёл', 'счет')).toBe('<b>\u0002Счёт\u0003</b> пришёл');
	});
});
