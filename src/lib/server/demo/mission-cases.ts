/** The hand-written reports every demo database starts with: the failures Recourse exists to record. */
import type { Category, Channel, Escalation, Outcome, Trigger } from '../../taxonomy';
import type { CaseEvent, EventKind, ResolutionRoute } from '../../case-timeline';

/** One timeline event, briefly: kind, date, time or null, and the rest as needed. */
function ev(
	kind: EventKind,
	on: string,
	at: string | null = null,
	more: Partial<Omit<CaseEvent, 'kind' | 'occurredOn' | 'occurredAt'>> = {}
): CaseEvent {
	return {
		kind,
		occurredOn: on,
		occurredAt: at,
		promisedOn: null,
		promisedAt: null,
		escalationTo: null,
		note: null,
		...more
	};
}

export type MissionCase = {
	/** The name of one of `namedCompanies`. */
	company: string;
	title: string;
	product: string;
	category: Category;
	trigger: Trigger | null;
	/** Further failures and circumstances beside the main ones (decision 028). */
	categories?: readonly Category[];
	triggers?: readonly Trigger[];
	startedOn: string;
	endedOn: string | null;
	contacts: number | null;
	effortMinutes: number | null;
	agents: number | null;
	promisesBroken: number | null;
	channels: Channel[];
	escalations: Escalation[];
	currency: string | null;
	amountDisputedMinor: number | null;
	amountRecoveredMinor: number | null;
	outcome: Outcome;
	rating: number;
	language: string;
	narrative: string;
	/** The case as it unfolded: every fact the founding stories tell has a field here. */
	agentsAtLeast?: boolean;
	orderValueMinor?: number | null;
	country: string;
	region: string | null;
	resolvedBy: ResolutionRoute | null;
	events: CaseEvent[];
};

/** The outage: switch-over promised for 08:00, line cut at 14:00 the day before, back 112 h later. */
function outageEvents(regulatorName: string, notes: [string, string, string, string]): CaseEvent[] {
	const [switchOver, tonight, within24, friday] = notes;
	return [
		ev('promise-made', '2026-09-01', null, {
			promisedOn: '2026-09-15',
			promisedAt: '08:00',
			note: switchOver
		}),
		ev('service-lost', '2026-09-14', '14:00'),
		ev('first-contact', '2026-09-14', '14:30'),
		ev('promise-made', '2026-09-14', '17:00', {
			promisedOn: '2026-09-14',
			promisedAt: '23:59',
			note: tonight
		}),
		ev('promise-broken', '2026-09-15', '00:00'),
		ev('promise-made', '2026-09-15', '10:00', {
			promisedOn: '2026-09-16',
			promisedAt: '10:00',
			note: within24
		}),
		ev('promise-broken', '2026-09-16', '10:00'),
		ev('promise-made', '2026-09-16', '15:00', { promisedOn: '2026-09-18', note: friday }),
		ev('escalation', '2026-09-18', '11:00', { escalationTo: 'regulator', note: regulatorName }),
		ev('promise-broken', '2026-09-18', '18:00'),
		ev('service-restored', '2026-09-19', '06:00'),
		ev('resolved', '2026-09-19', '06:00')
	];
}

/** The shipping fee: six complaints, a broken refund promise, a letter to the chief executive, TV. */
function shippingEvents(notes: {
	invoice: string;
	refund: string;
	letter: string;
	tv: string;
}): CaseEvent[] {
	return [
		ev('first-contact', '2026-06-03', null, { note: notes.invoice }),
		ev('contact', '2026-06-10'),
		ev('contact', '2026-06-24'),
		ev('escalation', '2026-07-08', null, { escalationTo: 'supervisor' }),
		ev('promise-made', '2026-07-08', null, { promisedOn: '2026-07-15', note: notes.refund }),
		ev('promise-broken', '2026-07-16'),
		ev('contact', '2026-07-20'),
		ev('contact', '2026-07-30'),
		ev('escalation', '2026-08-06', null, { escalationTo: 'executive-office', note: notes.letter }),
		ev('escalation', '2026-08-24', null, { escalationTo: 'media', note: notes.tv }),
		ev('refund', '2026-08-26'),
		ev('resolved', '2026-08-28')
	];
}

const landline = {
	category: 'service-outage',
	// The support line: no agent could see the order, and nobody could call back.
	categories: ['unreachable-support'],
	trigger: 'switching-plan',
	startedOn: '2026-09-14',
	endedOn: '2026-09-19',
	contacts: 22,
	effortMinutes: 1260,
	// "More than 50 agents": a lower bound, shown as 50+.
	agents: 50,
	agentsAtLeast: true,
	promisesBroken: 3,
	channels: ['phone'],
	escalations: ['regulator'],
	currency: null,
	amountDisputedMinor: null,
	amountRecoveredMinor: null,
	outcome: 'resolved',
	resolvedBy: 'regulator',
	rating: 1
} as const;

const shippingFee = {
	category: 'billing-error',
	trigger: 'none',
	startedOn: '2026-06-03',
	endedOn: '2026-08-28',
	contacts: 6,
	effortMinutes: 480,
	agents: 7,
	promisesBroken: 2,
	channels: ['phone', 'email'],
	escalations: ['supervisor', 'executive-office', 'media'],
	orderValueMinor: 8_877,
	amountDisputedMinor: 745_500,
	amountRecoveredMinor: 745_500,
	outcome: 'resolved',
	resolvedBy: 'media',
	rating: 2
} as const;

const obstructedCancellation = {
	category: 'cancellation-obstructed',
	trigger: 'cancellation',
	startedOn: '2026-07-01',
	endedOn: '2026-07-29',
	contacts: 4,
	effortMinutes: 300,
	agents: 6,
	promisesBroken: 1,
	channels: ['phone', 'chat', 'letter'],
	escalations: ['supervisor'],
	amountRecoveredMinor: 0,
	outcome: 'partly-resolved',
	resolvedBy: null,
	rating: 1
} as const;

const closedAccount = {
	category: 'account-closed',
	trigger: 'none',
	startedOn: '2026-05-12',
	endedOn: null,
	contacts: 12,
	effortMinutes: 720,
	agents: 8,
	promisesBroken: 3,
	channels: ['phone', 'email', 'in-store', 'letter'],
	escalations: ['executive-office', 'regulator'],
	amountRecoveredMinor: 0,
	outcome: 'unresolved',
	resolvedBy: null,
	rating: 1
} as const;

/** In this order, as reports 1, 2, 3…, filed by demo users 0, 1, 2… */
export const missionCases: readonly MissionCase[] = [
	{
		...landline,
		company: 'Meridian Telecom',
		title: 'Dial tone cut 18 hours early, then out for 112 hours',
		product: 'Landline',
		language: 'en',
		channels: [...landline.channels],
		escalations: [...landline.escalations],
		country: 'US',
		region: 'US-OH',
		events: outageEvents('State utility board', [
			'Switch-over to the new plan, agreed in writing',
			'"By tonight"',
			'"Within 24 hours"',
			'"Friday at the latest"'
		]),
		narrative: `We were moving our landline to a new plan, with the switch-over agreed in writing for **15 September**. At about 2 p.m. the day before — **18 hours early** — the dial tone went dead.

The line stayed dead for **112 hours**. My mother lives with us and her medical alarm runs on that line.

### What it took

- **22 calls**, in which I spoke to **50 different agents** (most calls were transferred two or three times)
- three promised deadlines — "by tonight", "within 24 hours", "Friday at the latest" — all missed
- not one agent could see the order that had cut us off early

> "We have no record of a disconnection on your account."

That was agent number 41, while the line was dead.

On the fifth day I filed a complaint with the state utility board. The line came back **the next morning**. Nobody has explained why the switch-over happened early, and nobody called back.`
	},
	{
		...landline,
		company: 'Catalunya Connecta',
		title: 'Línia tallada 18 hores abans i 112 hores sense to',
		product: 'Línia fixa',
		language: 'ca',
		channels: [...landline.channels],
		escalations: [...landline.escalations],
		country: 'ES',
		region: 'ES-CT',
		events: outageEvents('Agència Catalana del Consum', [
			'Canvi de tarifa acordat per escrit',
			'«Aquesta nit»',
			'«En 24 hores»',
			'«Divendres com a molt tard»'
		]),
		narrative: `Havíem de passar la línia fixa a una tarifa nova, amb la data del canvi acordada per escrit: el **15 de setembre**. El dia abans, cap a les dues de la tarda —**18 hores abans**—, la línia es va quedar sense to.

Vam estar **112 hores** sense línia. La meva mare viu amb nosaltres i la seva teleassistència funciona amb aquesta línia.

### El que va caldre

- **22 trucades**, en què vaig parlar amb **50 agents diferents**
- tres terminis promesos —«aquesta nit», «en 24 hores», «divendres com a molt tard»— i cap de complert
- cap agent no veia l'ordre que ens havia tallat la línia abans d'hora

El cinquè dia vaig presentar una reclamació a l'Agència Catalana del Consum. La línia va tornar **l'endemà al matí**. Ningú no ens ha explicat per què el canvi es va fer abans d'hora.`
	},
	{
		company: 'Riverbend Energy',
		title: 'Widow billed as "in arrears" for months after asking to put the account in her name',
		product: 'Electricity',
		category: 'billing-error',
		trigger: 'death-of-account-holder',
		// The account holder died, and the account was to be put in the widow's name.
		triggers: ['name-change'],
		startedOn: '2026-03-02',
		endedOn: '2026-08-20',
		contacts: 14,
		effortMinutes: 900,
		agents: 11,
		promisesBroken: 4,
		channels: ['phone', 'email', 'letter'],
		escalations: ['supervisor', 'executive-office'],
		currency: 'USD',
		amountDisputedMinor: 41_280,
		amountRecoveredMinor: 20_000,
		outcome: 'partly-resolved',
		resolvedBy: 'executive-office',
		rating: 1,
		language: 'en',
		country: 'US',
		region: 'US-PA',
		events: [
			ev('first-contact', '2026-03-02', null, {
				note: 'Asked to put the account in my name; death certificate e-mailed'
			}),
			ev('promise-made', '2026-03-02', null, {
				promisedOn: '2026-03-16',
				note: '"Within two weeks"'
			}),
			ev('promise-broken', '2026-03-20', null, {
				note: 'Bill to my late husband, marked IN ARREARS'
			}),
			ev('escalation', '2026-04-10', null, { escalationTo: 'supervisor' }),
			ev('promise-made', '2026-04-10', null, { promisedOn: '2026-04-30' }),
			ev('promise-broken', '2026-05-05'),
			ev('promise-made', '2026-06-01', null, { promisedOn: '2026-06-15' }),
			ev('promise-broken', '2026-06-20'),
			ev('promise-made', '2026-07-01', null, { promisedOn: '2026-07-15' }),
			ev('promise-broken', '2026-07-20'),
			ev('escalation', '2026-08-05', null, {
				escalationTo: 'executive-office',
				note: "Letter to the chief executive's office"
			}),
			ev('refund', '2026-08-20', null, { note: 'Part of the late fees' }),
			ev('resolved', '2026-08-20', null, { note: 'Account moved into my name' })
		],
		narrative: `My husband Tom died in February. The electricity account was in his name, so on 2 March I called to put it in mine. I emailed the death certificate that day, and posted a copy when they said the email "had no attachment".

For the next five months every bill was addressed to him and marked **IN ARREARS**, although the direct debit from our joint account never stopped. Each letter added a late-payment fee.

Every call started from zero. I was asked, again and again, to "have the account holder call us". I explained, again and again, that he could not.

- 14 contacts by phone, email and letter
- 4 promises that the change was "done"
- a supervisor who apologised and changed nothing

In August a letter to the chief executive's office finally moved the account into my name. Some of the late fees were refunded; the rest, they say, were "correctly applied".

**If you are handling a bereavement:** ask for the bereavement team by name, and keep a copy of everything you send.`
	},
	{
		company: 'Stadtwerke Mühlbrunn',
		title: 'Als Witwe monatelang »im Zahlungsrückstand« geführt',
		product: 'Stromvertrag',
		category: 'billing-error',
		trigger: 'death-of-account-holder',
		triggers: ['name-change'],
		startedOn: '2026-02-03',
		endedOn: '2026-07-15',
		contacts: 16,
		effortMinutes: 780,
		agents: 9,
		promisesBroken: 3,
		channels: ['phone', 'email', 'letter'],
		escalations: ['regulator'],
		currency: 'EUR',
		amountDisputedMinor: 31_850,
		amountRecoveredMinor: 12_000,
		outcome: 'partly-resolved',
		resolvedBy: 'regulator',
		rating: 1,
		language: 'de',
		country: 'DE',
		region: 'DE-NW',
		events: [
			ev('first-contact', '2026-02-03', null, { note: 'Bitte um Umschreibung auf meinen Namen' }),
			ev('promise-made', '2026-02-03', null, { promisedOn: '2026-02-28' }),
			ev('promise-broken', '2026-03-05'),
			ev('promise-made', '2026-03-10', null, { promisedOn: '2026-03-31' }),
			ev('promise-broken', '2026-04-06'),
			ev('promise-made', '2026-04-15', null, { promisedOn: '2026-05-15' }),
			ev('promise-broken', '2026-05-20'),
			ev('escalation', '2026-06-22', null, {
				escalationTo: 'regulator',
				note: 'Schlichtungsstelle Energie'
			}),
			ev('resolved', '2026-07-15', null, { note: 'Vertrag umgeschrieben' })
		],
		narrative: `Mein Mann ist im Januar gestorben. Der Stromvertrag lief auf seinen Namen, deshalb habe ich Anfang Februar angerufen und gebeten, ihn auf mich umzuschreiben. Die Sterbeurkunde habe ich zweimal geschickt.

Danach kam jeden Monat eine Rechnung an ihn, mit dem Vermerk **»im Zahlungsrückstand«** – obwohl die Abbuchung von unserem gemeinsamen Konto nie ausgesetzt hatte. Dazu kamen Mahngebühren.

- 11 Anrufe, 3 E-Mails, 2 Briefe
- dreimal die Zusage, die Umschreibung sei »erledigt«
- jedes Mal die Bitte, »der Vertragsinhaber möge sich melden«

Erst nach einer Beschwerde bei der Schlichtungsstelle wurde der Vertrag umgeschrieben. Die Mahngebühren wurden nur zum Teil erstattet.`
	},
	{
		...shippingFee,
		company: 'Swiftparcel',
		title: '$7,455 shipping fee on $88.77 of goods',
		product: 'International parcel delivery',
		currency: 'USD',
		channels: [...shippingFee.channels],
		escalations: [...shippingFee.escalations],
		language: 'en',
		country: 'US',
		region: 'US-OR',
		events: shippingEvents({
			invoice: 'Courier invoice: $7,455.00 shipping on $88.77 of goods',
			refund: 'Supervisor: "refund approved"',
			letter: 'Letter to the chief executive',
			tv: 'Local TV consumer programme'
		}),
		narrative: `I ordered **$88.77** of craft supplies from a small shop overseas. The parcel came with an invoice from the courier for **$7,455.00** in "shipping and handling", payable within ten days or it would go to collections.

It was obviously a typo — $74.55 would have been plausible — so I called. I was told the amount was "system-generated" and could not be changed.

1. First complaint: logged, then closed with no change.
2. Second and third: "escalated to billing".
3. Fourth: a supervisor said a refund had been approved. It had not.
4. Fifth and sixth: written complaints quoting the reference numbers of the first four.
5. A letter to the chief executive: no answer.

Meanwhile the charge went through on the card I had given for import duties. A local TV consumer programme picked up the story. **Two days after it aired** the full $7,455.00 was refunded, with a letter calling it "a goodwill gesture".

It was not goodwill. It was their typo.`
	},
	{
		...shippingFee,
		company: 'Envíos Relámpago',
		title: '7.455 € de gastos de envío por 88,77 € de productos',
		product: 'Envío internacional',
		currency: 'EUR',
		channels: [...shippingFee.channels],
		escalations: [...shippingFee.escalations],
		language: 'es',
		country: 'ES',
		region: 'ES-MD',
		events: shippingEvents({
			invoice: 'Factura de mensajería: 7.455,00 € por 88,77 € de productos',
			refund: 'Supervisor: «reembolso aprobado»',
			letter: 'Carta al consejero delegado',
			tv: 'Programa de consumo de la televisión local'
		}),
		narrative: `Compré **88,77 €** de material de manualidades en una tienda pequeña del extranjero. El paquete llegó con una factura de la empresa de mensajería por **7.455,00 €** en «gastos de envío y gestión», a pagar en diez días o pasaría a una agencia de cobros.

Era claramente una errata —74,55 € habría sido razonable—, así que llamé. Me dijeron que el importe lo había «generado el sistema» y que no se podía cambiar.

1. Primera reclamación: registrada y cerrada sin cambios.
2. Segunda y tercera: «escalada a facturación».
3. Cuarta: un supervisor me dijo que el reembolso estaba aprobado. No lo estaba.
4. Quinta y sexta: reclamaciones por escrito, citando los números de las anteriores.
5. Una carta al consejero delegado: sin respuesta.

Mientras tanto, el cargo se hizo en la tarjeta que había dado para los aranceles. Un programa de consumo de la televisión local contó la historia. **Dos días después de la emisión** me devolvieron los 7.455,00 € íntegros, con una carta que lo llamaba «un gesto comercial».

No fue un gesto. Fue su errata.`
	},
	{
		...obstructedCancellation,
		company: 'Northline Communications',
		title: 'The agent would not let me cancel',
		product: 'Broadband and TV bundle',
		channels: [...obstructedCancellation.channels],
		escalations: [...obstructedCancellation.escalations],
		currency: 'USD',
		amountDisputedMinor: 12_998,
		language: 'en',
		country: 'US',
		region: 'US-TX',
		events: [
			ev('first-contact', '2026-07-01', null, { note: 'Asked to cancel; the agent would not' }),
			ev('contact', '2026-07-03', null, {
				note: 'Transferred to retentions, cut off after 35 min'
			}),
			ev('contact', '2026-07-05', null, { note: 'Chat: cancellations are "phone only"' }),
			ev('escalation', '2026-07-08', null, { escalationTo: 'supervisor' }),
			ev('promise-made', '2026-07-08', null, {
				promisedOn: '2026-07-09',
				note: 'Confirmation e-mail within 24 hours'
			}),
			ev('promise-broken', '2026-07-09'),
			ev('note', '2026-07-10', null, { note: 'Cancelled by recorded-delivery letter' }),
			ev('service-lost', '2026-08-07', null, { note: 'Service stopped; two more months billed' })
		],
		narrative: `My contract ended in June. On 1 July I called to cancel with 30 days' notice, as the contract allows.

The agent said he "could not process a cancellation today". When I asked why, he said I first had to hear the retention offers. I listened, declined them and asked again. He said the system would not let him and that I should call back. I asked for his name and a reference number; he ended the call.

- second call: transferred to "retentions", cut off after 35 minutes on hold
- chat: cancellations are "phone only"
- third call: a supervisor promised a confirmation email within 24 hours; none came

In the end I cancelled by recorded-delivery letter. The service stopped four weeks later — and I was billed for two more months at $64.99, which they refuse to refund because I "did not cancel by phone".`
	},
	{
		...obstructedCancellation,
		company: 'Vistel Mobile',
		title: 'Konsultant nie pozwolił mi wypowiedzieć umowy',
		product: 'Abonament komórkowy',
		channels: [...obstructedCancellation.channels],
		escalations: [...obstructedCancellation.escalations],
		currency: 'PLN',
		amountDisputedMinor: 11_998,
		language: 'pl',
		country: 'PL',
		region: 'PL-14',
		events: [
			ev('first-contact', '2026-07-01', null, {
				note: 'Prośba o wypowiedzenie; konsultant odmówił'
			}),
			ev('contact', '2026-07-03'),
			ev('contact', '2026-07-05'),
			ev('escalation', '2026-07-08', null, { escalationTo: 'supervisor' }),
			ev('promise-made', '2026-07-08', null, { promisedOn: '2026-07-09' }),
			ev('promise-broken', '2026-07-09'),
			ev('note', '2026-07-10', null, { note: 'Wypowiedzenie listem poleconym' })
		],
		narrative: `Moja umowa skończyła się w czerwcu. 1 lipca zadzwoniłem, żeby ją wypowiedzieć z zachowaniem 30-dniowego okresu wypowiedzenia, tak jak przewiduje umowa.

Konsultant powiedział, że „dzisiaj nie może przyjąć wypowiedzenia”. Kiedy zapytałem dlaczego, odpowiedział, że najpierw muszę wysłuchać ofert utrzymaniowych. Wysłuchałem, odmówiłem i poprosiłem ponownie. Powiedział, że system mu nie pozwala i żebym zadzwonił później. Poprosiłem o nazwisko i numer zgłoszenia — rozłączył się.

- drugi telefon: przełączenie do „działu utrzymania klienta”, rozłączenie po 35 minutach czekania
- czat: wypowiedzenia „tylko telefonicznie”
- trzeci telefon: kierownik obiecał potwierdzenie e-mailem w ciągu 24 godzin; nigdy nie przyszło

W końcu wysłałem wypowiedzenie listem poleconym. Usługę wyłączono cztery tygodnie później, a ja dostałem rachunki za dwa kolejne miesiące po 59,99 zł, których nie chcą zwrócić, bo „nie wypowiedziałem umowy telefonicznie”.`
	},
	{
		...closedAccount,
		company: 'Pinecrest Savings',
		title: 'Account closed without notice, $1,312.40 balance never returned',
		product: 'Savings account',
		channels: [...closedAccount.channels],
		escalations: [...closedAccount.escalations],
		currency: 'USD',
		amountDisputedMinor: 131_240,
		language: 'en',
		country: 'US',
		region: 'US-FL',
		events: [
			ev('note', '2026-05-12', null, { note: 'Letter: account closed "following a review"' }),
			ev('promise-made', '2026-05-12', null, {
				promisedOn: '2026-05-26',
				note: 'Balance returned by cheque within 10 working days'
			}),
			ev('promise-broken', '2026-05-27'),
			ev('promise-made', '2026-06-10', null, { promisedOn: '2026-06-24' }),
			ev('promise-broken', '2026-06-25'),
			ev('promise-made', '2026-06-30', null, { promisedOn: '2026-07-10' }),
			ev('promise-broken', '2026-07-11'),
			ev('escalation', '2026-07-15', null, { escalationTo: 'executive-office' }),
			ev('escalation', '2026-08-01', null, { escalationTo: 'regulator', note: 'Banking regulator' })
		],
		narrative: `In May I received a two-line letter: my savings account "has been closed following a review". No reason was given. The balance on the day of closure was **$1,312.40**.

The letter said the balance would be "returned by cheque within 10 working days". It never arrived.

What I have been told since:

- the cheque was sent (nobody can find a tracking number)
- the cheque was *not* sent, because my address "could not be verified" — the address they wrote to
- the money is "with the closed-accounts team", who cannot be called directly
- I should open a new account to receive the funds; the branch then refused to open one because of the earlier closure

I have complained to the bank's executive office and to the banking regulator. Five months on, the money is still theirs.`
	},
	{
		...closedAccount,
		company: 'Bank Severny Most',
		title: 'Счёт закрыли без объяснений и не вернули остаток',
		product: 'Сберегательный счёт',
		channels: [...closedAccount.channels],
		escalations: [...closedAccount.escalations],
		currency: 'RUB',
		amountDisputedMinor: 4_850_000,
		language: 'ru',
		country: 'RU',
		region: 'RU-MOW',
		events: [
			ev('note', '2026-05-12', null, { note: 'Письмо: счёт закрыт «по итогам проверки»' }),
			ev('promise-made', '2026-05-12', null, { promisedOn: '2026-05-26' }),
			ev('promise-broken', '2026-05-27'),
			ev('escalation', '2026-07-15', null, { escalationTo: 'executive-office' }),
			ev('escalation', '2026-08-01', null, { escalationTo: 'regulator', note: 'Банк России' })
		],
		narrative: `В мае мне пришло письмо в две строки: мой сберегательный счёт «закрыт по итогам проверки». Причину не назвали. На момент закрытия на счёте было **48 500 ₽**.

В письме говорилось, что остаток «будет перечислен в течение 10 рабочих дней». Деньги так и не пришли.

Что мне с тех пор говорили:

- деньги перечислены (номер платёжного поручения найти не могут)
- деньги *не* перечислены, потому что «не удалось подтвердить реквизиты» — те самые, на которые приходит моя зарплата
- вопросом занимается «отдел закрытых счетов», куда нельзя позвонить напрямую
- чтобы получить деньги, нужно открыть новый счёт; в отделении открыть его отказались из-за прежнего закрытия

Я написал жалобу руководству банка и обращение к финансовому регулятору. Прошло пять месяцев, а деньги всё ещё у банка.`
	}
];
