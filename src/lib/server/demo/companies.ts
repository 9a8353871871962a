/** Fictional companies for demo data: hand-named ones, then generated names for large loads. */
import type { Industry } from '../../taxonomy';
import { normaliseCompanyName, slugifyCompanyName } from '../companies/names';
import { cumulative, type Random } from './random';

/** Where a company trades: the currency of its reports and the languages its customers write in. */
export type Market = {
	/** Where the market's consumers are (ISO 3166-1), and a region when it is one (ISO 3166-2). */
	country: string;
	region?: string;
	currency: string;
	/** Report languages and their weights. */
	languages: readonly (readonly [string, number])[];
	/** Legal-form suffixes a generated name may carry. */
	suffixes: readonly string[];
};

export const markets = {
	us: {
		country: 'US',
		currency: 'USD',
		languages: [['en', 1]],
		suffixes: ['Inc.', 'LLC', 'Corp.']
	},
	uk: { country: 'GB', currency: 'GBP', languages: [['en', 1]], suffixes: ['Ltd', 'plc'] },
	de: {
		country: 'DE',
		currency: 'EUR',
		languages: [
			['de', 0.7],
			['en', 0.3]
		],
		suffixes: ['GmbH', 'AG']
	},
	es: {
		country: 'ES',
		currency: 'EUR',
		languages: [
			['es', 0.75],
			['ca', 0.05],
			['en', 0.2]
		],
		suffixes: ['S.A.', 'S.L.']
	},
	cat: {
		country: 'ES',
		region: 'ES-CT',
		currency: 'EUR',
		languages: [
			['ca', 0.6],
			['es', 0.3],
			['en', 0.1]
		],
		suffixes: ['S.A.', 'S.L.']
	},
	pl: {
		country: 'PL',
		currency: 'PLN',
		languages: [
			['pl', 0.8],
			['en', 0.2]
		],
		suffixes: ['S.A.']
	},
	ru: {
		country: 'RU',
		currency: 'RUB',
		languages: [
			['ru', 0.9],
			['en', 0.1]
		],
		suffixes: ['PJSC']
	},
	ca: { country: 'CA', currency: 'CAD', languages: [['en', 1]], suffixes: ['Inc.', 'Ltd'] },
	au: { country: 'AU', currency: 'AUD', languages: [['en', 1]], suffixes: ['Pty Ltd', 'Ltd'] },
	ch: {
		country: 'CH',
		currency: 'CHF',
		languages: [
			['de', 0.5],
			['en', 0.5]
		],
		suffixes: ['AG', 'SA']
	},
	se: { country: 'SE', currency: 'SEK', languages: [['en', 1]], suffixes: ['AB'] }
} as const satisfies Record<string, Market>;
export type MarketCode = keyof typeof markets;

/** How generated companies spread over markets. */
const marketWeights: [MarketCode, number][] = [
	['us', 40],
	['uk', 14],
	['de', 10],
	['es', 8],
	['cat', 3],
	['pl', 10],
	['ru', 4],
	['ca', 4],
	['au', 3],
	['ch', 2],
	['se', 2]
];

export type DemoCompany = { name: string; industry: Industry; market: MarketCode };

/**
 * Hand-named companies. Every name is invented (any likeness to a real firm is accidental) and
 * every website is under the reserved `.example` domain. The companies of the mission cases
 * come first, so that even a tiny demo load includes them.
 */
export const namedCompanies: readonly DemoCompany[] = [
	{ name: 'Meridian Telecom', industry: 'telecom', market: 'us' },
	{ name: 'Catalunya Connecta', industry: 'telecom', market: 'cat' },
	{ name: 'Riverbend Energy', industry: 'energy', market: 'us' },
	{ name: 'Stadtwerke Mühlbrunn', industry: 'energy', market: 'de' },
	{ name: 'Swiftparcel', industry: 'shipping', market: 'us' },
	{ name: 'Envíos Relámpago', industry: 'shipping', market: 'es' },
	{ name: 'Northline Communications', industry: 'internet', market: 'us' },
	{ name: 'Vistel Mobile', industry: 'telecom', market: 'pl' },
	{ name: 'Pinecrest Savings', industry: 'banking', market: 'us' },
	{ name: 'Bank Severny Most', industry: 'banking', market: 'ru' },
	{ name: 'Caldera Mobile', industry: 'telecom', market: 'us' },
	{ name: 'Fernwood Telephone Company', industry: 'telecom', market: 'us' },
	{ name: 'Kestrel Mobile', industry: 'telecom', market: 'uk' },
	{ name: 'Rheinfunk Telekom GmbH', industry: 'telecom', market: 'de' },
	{ name: 'Albatel Móvil', industry: 'telecom', market: 'es' },
	{ name: 'Severtel', industry: 'telecom', market: 'ru' },
	{ name: 'Bluewire Broadband', industry: 'internet', market: 'us' },
	{ name: 'Lattice Fiber', industry: 'internet', market: 'us' },
	{ name: 'Harbor Cable & Internet', industry: 'internet', market: 'us' },
	{ name: 'FibreNest', industry: 'internet', market: 'uk' },
	{ name: 'NetzWerk Nord GmbH', industry: 'internet', market: 'de' },
	{ name: 'Fibra Levante', industry: 'internet', market: 'es' },
	{ name: 'Światłonet', industry: 'internet', market: 'pl' },
	{ name: 'Solstice Power & Light', industry: 'energy', market: 'us' },
	{ name: 'Northmoor Gas & Electric', industry: 'energy', market: 'uk' },
	{ name: 'Energia Levante', industry: 'energy', market: 'es' },
	{ name: 'Volta Polska', industry: 'energy', market: 'pl' },
	{ name: 'Clearbrook Water', industry: 'water', market: 'us' },
	{ name: 'Tri-County Water Authority', industry: 'water', market: 'us' },
	{ name: 'Aquaviva Utilities', industry: 'water', market: 'uk' },
	{ name: 'Aigües de la Serra', industry: 'water', market: 'cat' },
	{ name: 'First Harbor Bank', industry: 'banking', market: 'us' },
	{ name: 'Lakeshore Federal Credit Union', industry: 'banking', market: 'us' },
	{ name: 'Thamesgate Bank', industry: 'banking', market: 'uk' },
	{ name: 'Quellbank AG', industry: 'banking', market: 'de' },
	{ name: 'Banca Mirador', industry: 'banking', market: 'es' },
	{ name: 'Kredyt Polarny', industry: 'banking', market: 'pl' },
	{ name: 'Wardwell Mutual', industry: 'insurance', market: 'us' },
	{ name: 'Covenant Home & Auto', industry: 'insurance', market: 'us' },
	{ name: 'Brightshield Insurance', industry: 'insurance', market: 'uk' },
	{ name: 'Adlerhorst Versicherung AG', industry: 'insurance', market: 'de' },
	{ name: 'Assegurances Tramuntana', industry: 'insurance', market: 'cat' },
	{ name: 'Cartwell', industry: 'retail', market: 'us' },
	{ name: 'Trendora', industry: 'retail', market: 'us' },
	{ name: 'Pennyworth Stores', industry: 'retail', market: 'uk' },
	{ name: 'Hollis & Vane', industry: 'retail', market: 'uk' },
	{ name: 'Kaufhalle Online', industry: 'retail', market: 'de' },
	{ name: 'Bazar Wisła', industry: 'retail', market: 'pl' },
	{ name: 'ParcelPeak', industry: 'shipping', market: 'uk' },
	{ name: 'Transcontinental Freight Lines', industry: 'shipping', market: 'us' },
	{ name: 'Kurier Błyskawica', industry: 'shipping', market: 'pl' },
	{ name: 'Paketblitz GmbH', industry: 'shipping', market: 'de' },
	{ name: 'Cirrus Atlantic Airways', industry: 'travel', market: 'us' },
	{ name: 'Wanderly Travel', industry: 'travel', market: 'uk' },
	{ name: 'Coastliner Ferries', industry: 'travel', market: 'uk' },
	{ name: 'Trans-Alpina Bahn', industry: 'travel', market: 'ch' },
	{ name: 'Aerolíneas Brisa', industry: 'travel', market: 'es' },
	{ name: 'Streamvale', industry: 'streaming', market: 'us' },
	{ name: 'Flickhaus', industry: 'streaming', market: 'us' },
	{ name: 'Tunebox Music', industry: 'streaming', market: 'uk' },
	{ name: 'Kinoteka Online', industry: 'streaming', market: 'ru' },
	{ name: 'City of Port Alder Utilities', industry: 'public-service', market: 'us' },
	{ name: 'Regional Benefits Office', industry: 'public-service', market: 'uk' },
	{ name: 'Ironclad Fitness', industry: 'other', market: 'us' },
	{ name: 'Bright Smile Dental Plans', industry: 'other', market: 'us' },
	{ name: 'Evergreen Property Management', industry: 'other', market: 'ca' }
];

const industryWeights: [Industry, number][] = [
	['telecom', 12],
	['internet', 10],
	['energy', 10],
	['water', 4],
	['banking', 12],
	['insurance', 10],
	['retail', 14],
	['shipping', 8],
	['travel', 10],
	['streaming', 6],
	['public-service', 2],
	['other', 2]
];

/** Words that end a company name in each industry. */
const industryNouns: Record<Industry, readonly string[]> = {
	telecom: ['Telecom', 'Mobile', 'Communications', 'Telephone', 'Wireless', 'Tel'],
	internet: ['Broadband', 'Fiber', 'Internet', 'Networks', 'Cable', 'Online'],
	energy: ['Energy', 'Power', 'Electric', 'Gas & Electric', 'Utilities', 'Power & Light'],
	water: ['Water', 'Water Company', 'Water Authority', 'Aqua', 'Water Services'],
	banking: ['Bank', 'Savings', 'Credit Union', 'Financial', 'Trust', 'Savings Bank'],
	insurance: ['Insurance', 'Mutual', 'Assurance', 'Insurance Group', 'Home & Auto'],
	retail: ['Stores', 'Market', 'Outlet', 'Home Goods', 'Electronics', 'Furniture', 'Direct'],
	shipping: ['Parcel', 'Logistics', 'Courier', 'Freight', 'Express', 'Delivery'],
	travel: ['Airways', 'Air', 'Holidays', 'Rail', 'Cruises', 'Travel', 'Coaches'],
	streaming: ['TV', 'Stream', 'Music', 'Play', 'Plus', 'Video'],
	'public-service': ['Transit Authority', 'Licensing Office', 'Benefits Agency', 'County Services'],
	other: ['Fitness', 'Dental Plans', 'Property Management', 'Storage', 'Motors', 'Home Services']
};

/** Place-like first words. */
const placeWords = [
	'Amberly',
	'Ashgrove',
	'Bayview',
	'Beacon',
	'Birchfield',
	'Blackwater',
	'Bluestone',
	'Brightwater',
	'Broadmoor',
	'Cedarline',
	'Coldspring',
	'Copperfield',
	'Crestview',
	'Driftwood',
	'Eastbrook',
	'Elmstead',
	'Fairhaven',
	'Falconridge',
	'Fernhill',
	'Foxglove',
	'Glenrock',
	'Goldcrest',
	'Greenway',
	'Harborview',
	'Hawthorne',
	'Highfield',
	'Hollowbrook',
	'Ironbridge',
	'Juniper',
	'Kingsway',
	'Lakemont',
	'Larkspur',
	'Linden',
	'Maplewood',
	'Marlow',
	'Meadowbrook',
	'Millbrook',
	'Moonstone',
	'Northgate',
	'Oakridge',
	'Orchard',
	'Pebble Creek',
	'Pinehurst',
	'Quarry Hill',
	'Redwood',
	'Ridgeway',
	'Riverside',
	'Rosewood',
	'Saltmarsh',
	'Sandstone',
	'Silverline',
	'Southport',
	'Stonebridge',
	'Summit',
	'Sunridge',
	'Thornbury',
	'Timberline',
	'Trident',
	'Union Bay',
	'Westfield',
	'Whitecliff',
	'Willowbrook',
	'Windmere',
	'Yarrow'
];

/** Syllables of invented brand names ("Velora", "Norix"). */
const brandStarts = [
	'Vel',
	'Nor',
	'Cal',
	'Tri',
	'Zen',
	'Ori',
	'Lum',
	'Arc',
	'Nex',
	'Sol',
	'Ver',
	'Quan',
	'Pal',
	'Mer',
	'Alt',
	'Cor',
	'Bri',
	'Sym',
	'Tel',
	'Ast',
	'Kor',
	'Dav',
	'Fen',
	'Hal'
];
const brandEnds = [
	'ora',
	'ix',
	'ent',
	'ano',
	'ius',
	'era',
	'ova',
	'yx',
	'eon',
	'ica',
	'elle',
	'ant',
	'umo',
	'ara',
	'iva',
	'on'
];
const regions = [
	'North',
	'South',
	'East',
	'West',
	'Central',
	'Coastal',
	'Mountain',
	'Valley',
	'Metro',
	'Pacific',
	'Atlantic',
	'Midland',
	'Highland',
	'Lakeland',
	'Prairie'
];

/** A company row ready to insert, with its name already checked for duplicates. */
export type CompanyRow = DemoCompany & { slug: string; nameKey: string; domain: string };

/**
 * Keeps the unique keys of companies (normalised name, slug, domain) so that a generated name
 * that would clash with an earlier one, or with one already in the database, is refused.
 */
export class CompanyNames {
	private readonly nameKeys = new Set<string>();
	private readonly slugs = new Set<string>();
	private readonly domains = new Set<string>();

	constructor(existing: readonly { nameKey: string; slug: string; domain: string | null }[] = []) {
		for (const c of existing) {
			this.nameKeys.add(c.nameKey);
			this.slugs.add(c.slug);
			if (c.domain) this.domains.add(c.domain);
		}
	}

	/** The row for a name, or null when its normalised name is taken. */
	claim(company: DemoCompany): CompanyRow | null {
		const nameKey = normaliseCompanyName(company.name);
		if (!nameKey || this.nameKeys.has(nameKey)) return null;
		const base = slugifyCompanyName(company.name);
		let slug = base;
		for (let i = 2; this.slugs.has(slug) || this.domains.has(`${slug}.example`); i++) {
			slug = `${base}-${i}`;
		}
		const domain = `${slug}.example`;
		this.nameKeys.add(nameKey);
		this.slugs.add(slug);
		this.domains.add(domain);
		return { ...company, nameKey, slug, domain };
	}
}

const industrySums = cumulative(industryWeights.map(([, w]) => w));
const marketSums = cumulative(marketWeights.map(([, w]) => w));

/** A plausible invented name for a company of some industry and market. */
export function inventCompany(random: Random): DemoCompany {
	const industry = industryWeights[random.index(industrySums)]![0];
	const market = marketWeights[random.index(marketSums)]![0];
	const first =
		random.next() < 0.45
			? random.pick(placeWords)
			: random.pick(brandStarts) + random.pick(brandEnds);
	const parts = [first];
	if (random.chance(0.2)) parts.unshift(random.pick(regions));
	if (random.chance(0.9)) parts.push(random.pick(industryNouns[industry]));
	if (random.chance(0.35)) parts.push(random.pick(markets[market].suffixes));
	return { name: parts.join(' '), industry, market };
}
