/**
 * Writes N complaints in the CFPB export format (same 18 columns, quoting, CRLF, a BOM), for
 * measuring the import: `npx tsx bench/generate-cfpb.ts --rows 1000000 --out bench/.data/cfpb-1m.csv`.
 * Products, issues and responses follow the sample's proportions; about one row in five has a
 * multi-line narrative with commas, quotes, "XXXX" and "{$amounts}", as the real export does.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import { cfpbColumns } from '../src/lib/server/import/cfpb-record';
import { cumulative, Random } from '../src/lib/server/demo/random';

const { values } = parseArgs({
	options: {
		rows: { type: 'string', default: '1000000' },
		out: { type: 'string', default: 'bench/.data/cfpb.csv' },
		companies: { type: 'string', default: '6000' },
		seed: { type: 'string', default: '1' }
	}
});
const rows = Number(values.rows);
const companyCount = Number(values.companies);
const random = new Random(Number(values.seed));

const products: [string, string[], [string, string[]][], number][] = [
	[
		'Credit reporting, credit repair services, or other personal consumer reports',
		['Credit reporting', 'Other personal consumer report'],
		[
			[
				'Incorrect information on your report',
				[
					'Information belongs to someone else',
					'Account status incorrect',
					'Personal information incorrect'
				]
			],
			[
				'Improper use of your report',
				[
					"Credit inquiries on your report that you don't recognize",
					'Reporting company used your report improperly'
				]
			],
			[
				"Problem with a credit reporting company's investigation into an existing problem",
				[
					'Their investigation did not fix an error on your report',
					'Was not notified of investigation status or results',
					'Investigation took more than 30 days'
				]
			],
			['Problem with fraud alerts or security freezes', ['']],
			[
				'Unable to get your credit report or credit score',
				['Other problem getting your report or credit score']
			],
			[
				'Credit monitoring or identity theft protection services',
				[
					'Billing dispute for services',
					'Problem canceling credit monitoring or identify theft protection services'
				]
			]
		],
		75
	],
	[
		'Debt collection',
		['Other debt', 'Credit card debt', 'Medical debt', 'I do not know'],
		[
			['Attempts to collect debt not owed', ['Debt is not yours', 'Debt was paid']],
			['Written notification about debt', ["Didn't receive enough information to verify debt"]],
			[
				'Took or threatened to take negative or legal action',
				['Threatened or suggested your credit would be damaged']
			],
			['Communication tactics', ['Frequent or repeated calls']],
			['False statements or representation', ['Attempted to collect wrong amount']]
		],
		6
	],
	[
		'Credit card or prepaid card',
		['General-purpose credit card or charge card', 'Store credit card'],
		[
			[
				'Problem with a purchase shown on your statement',
				["Credit card company isn't resolving a dispute about a purchase on your statement"]
			],
			['Fees or interest', ['Unexpected increase in interest rate']],
			['Getting a credit card', ['Card opened without my consent or knowledge']],
			['Closing your account', ['Company closed your account', "Can't close your account"]],
			[
				'Advertising and marketing, including promotional offers',
				["Didn't receive advertised or promotional terms"]
			]
		],
		7
	],
	[
		'Checking or savings account',
		['Checking account', 'Savings account'],
		[
			['Managing an account', ['Deposits and withdrawals', 'Banking errors', 'Fee problem']],
			['Closing an account', ['Company closed your account', "Can't close your account"]],
			['Opening an account', ['Account opened as a result of fraud']]
		],
		5
	],
	[
		'Mortgage',
		['Conventional home mortgage', 'FHA mortgage'],
		[
			['Trouble during payment process', ['']],
			['Struggling to pay mortgage', ['']],
			['Applying for a mortgage or refinancing an existing mortgage', ['']]
		],
		3
	],
	[
		'Money transfer, virtual currency, or money service',
		['Domestic (US) money transfer', 'Mobile or digital wallet'],
		[
			['Fraud or scam', ['']],
			['Other transaction problem', ['']]
		],
		2
	],
	[
		'Vehicle loan or lease',
		['Loan', 'Lease'],
		[
			['Managing the loan or lease', ['Billing problems']],
			['Struggling to pay your loan', ['Denied request to lower payments']]
		],
		2
	]
];
const productSums = cumulative(products.map((p) => p[3]));
const responses = cumulative([627, 33, 789, 616, 2, 3]);
const responseNames = [
	'Closed with explanation',
	'Closed with monetary relief',
	'Closed with non-monetary relief',
	'In progress',
	'Closed without relief',
	'Untimely response'
];
const states = ['CA', 'TX', 'FL', 'NY', 'GA', 'IL', 'PA', 'NC', 'OH', 'NJ', 'VA', 'MI', 'AZ', 'MD'];
const vias = cumulative([2000, 41, 17, 9]);
const viaNames = ['Web', 'Phone', 'Referral', 'Postal mail'];
const words =
	'account credit report company called told payment balance late fee dispute letter bank card loan months never received information removed interest charged'.split(
		' '
	);
const suffixes = ['INC.', 'LLC', 'N.A.', 'CORP.', 'Inc.', 'CO.', 'Corporation', 'L.P.'];
const companies = Array.from(
	{ length: companyCount },
	(_, i) =>
		`${['Acme', 'Union', 'First', 'Pacific', 'Summit', 'Liberty', 'Keystone', 'Harbor'][i % 8]} ${
			['Credit', 'Financial', 'Bank', 'Recovery', 'Lending', 'Servicing'][(i >> 3) % 6]
		} ${i}, ${suffixes[i % suffixes.length]}`
);
const companySums = cumulative(companies.map((_, r) => 1 / (r + 2)));

function sentence(): string {
	const n = 6 + random.int(14);
	const out: string[] = [];
	for (let i = 0; i < n; i++) {
		const r = random.next();
		out.push(
			r < 0.06 ? 'XXXX' : r < 0.09 ? `{$${random.int(5000)}.00}` : words[random.int(words.length)]!
		);
	}
	const text = out.join(' ');
	return text[0]!.toUpperCase() + text.slice(1) + (random.chance(0.2) ? ', "they said".' : '.');
}

function narrative(): string {
	const paragraphs = 1 + random.int(4);
	return Array.from({ length: paragraphs }, () =>
		Array.from({ length: 2 + random.int(6) }, sentence).join(' ')
	).join('\n\n');
}

const DAY = 86_400_000;
const start = Date.parse('2012-01-01T00:00:00Z');
const span = Date.parse('2025-06-30T00:00:00Z') - start;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

await mkdir(dirname(values.out), { recursive: true });
const out = createWriteStream(values.out);
out.write(
	'\uFEFF' + stringify([cfpbColumns as unknown as string[]], { record_delimiter: 'windows' })
);
const chunk: string[][] = [];
for (let i = 0; i < rows; i++) {
	const [product, subProducts, issues] = products[random.index(productSums)]!;
	const [issue, subIssues] = issues[random.int(issues.length)]!;
	const received = start + Math.floor((span * (i + random.next())) / rows / DAY) * DAY;
	const response = responseNames[random.index(responses)]!;
	const hasNarrative = random.chance(0.19);
	const tags = random.next();
	chunk.push([
		iso(received),
		product,
		subProducts[random.int(subProducts.length)]!,
		issue,
		subIssues[random.int(subIssues.length)]!,
		hasNarrative ? narrative() : '',
		response === 'In progress' || random.chance(0.55)
			? ''
			: 'Company has responded to the consumer and the CFPB and chooses not to provide a public response',
		companies[random.index(companySums)]!,
		states[random.int(states.length)]!,
		random.chance(0.1) ? 'XXXXX' : String(10000 + random.int(89999)),
		tags < 0.04
			? 'Servicemember'
			: tags < 0.06
				? 'Older American'
				: tags < 0.065
					? 'Older American, Servicemember'
					: '',
		hasNarrative ? 'Consent provided' : random.chance(0.5) ? '' : 'Consent not provided',
		viaNames[random.index(vias)]!,
		iso(received + random.int(3) * DAY),
		response,
		response === 'Untimely response' || random.chance(0.005) ? 'No' : 'Yes',
		received < Date.parse('2017-04-24') ? (random.chance(0.2) ? 'Yes' : 'No') : 'N/A',
		String(1_000_000 + i)
	]);
	if (chunk.length === 5000 || i === rows - 1) {
		if (!out.write(stringify(chunk, { record_delimiter: 'windows' }))) await once(out, 'drain');
		chunk.length = 0;
	}
}
out.end();
await once(out, 'finish');
console.log(`${rows} complaints written to ${values.out}`);
