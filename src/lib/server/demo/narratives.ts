/** Templates for the titles, products and Markdown narratives of generated demo reports. */
import type { Category, Industry, Trigger } from '../../taxonomy';
import type { Random } from './random';

/** Languages with hand-written templates; other report languages are not generated. */
export const demoLanguages = ['en', 'ca', 'de', 'es', 'ru', 'pl'] as const;
export type DemoLanguage = (typeof demoLanguages)[number];

/** What a customer bought, by industry and language. English covers every industry. */
export const products: Record<DemoLanguage, Partial<Record<Industry, readonly string[]>>> = {
	en: {
		telecom: ['Landline', 'Mobile plan', 'Family mobile plan', 'Prepaid SIM', 'Phone upgrade'],
		internet: ['Fibre broadband', 'Cable internet', '5G home internet', 'Broadband and TV bundle'],
		energy: ['Electricity', 'Gas', 'Dual fuel tariff', 'Solar feed-in tariff', 'Smart meter'],
		water: ['Water supply', 'Sewer service', 'Water meter'],
		banking: ['Current account', 'Savings account', 'Credit card', 'Mortgage', 'Personal loan'],
		insurance: ['Home insurance', 'Car insurance', 'Travel insurance', 'Health plan', 'Pet cover'],
		retail: ['Online order', 'Store card', 'Extended warranty', 'Furniture delivery', 'Laptop'],
		shipping: ['Parcel delivery', 'International shipping', 'Customs clearance', 'Parcel return'],
		travel: ['Flight', 'Package holiday', 'Rail ticket', 'Hotel booking', 'Ferry crossing'],
		streaming: ['Monthly subscription', 'Annual plan', 'Music subscription', 'Sports pass'],
		'public-service': ['Benefit claim', 'Driving licence', 'Parking permit', 'Bus pass'],
		other: ['Gym membership', 'Dental plan', 'Rental deposit', 'Storage unit']
	},
	ca: {
		telecom: ['Línia fixa', 'Contracte mòbil'],
		internet: ['Fibra òptica'],
		energy: ['Subministrament elèctric', 'Gas natural'],
		banking: ['Compte corrent'],
		shipping: ['Enviament de paquet'],
		streaming: ['Subscripció mensual']
	},
	de: {
		telecom: ['Festnetzanschluss', 'Mobilfunkvertrag'],
		internet: ['Glasfaseranschluss', 'DSL-Anschluss'],
		energy: ['Stromvertrag', 'Gasvertrag'],
		banking: ['Girokonto'],
		shipping: ['Paketversand'],
		streaming: ['Monatsabo']
	},
	es: {
		telecom: ['Línea fija', 'Contrato móvil'],
		internet: ['Fibra óptica'],
		energy: ['Suministro eléctrico', 'Gas natural'],
		banking: ['Cuenta corriente'],
		shipping: ['Envío de paquete'],
		streaming: ['Suscripción mensual']
	},
	ru: {
		telecom: ['Домашний телефон', 'Мобильная связь'],
		internet: ['Домашний интернет'],
		energy: ['Электроснабжение'],
		banking: ['Текущий счёт'],
		shipping: ['Доставка посылки'],
		streaming: ['Подписка']
	},
	pl: {
		telecom: ['Telefon stacjonarny', 'Abonament komórkowy'],
		internet: ['Internet światłowodowy'],
		energy: ['Prąd', 'Gaz'],
		banking: ['Konto osobiste'],
		shipping: ['Przesyłka kurierska'],
		streaming: ['Subskrypcja miesięczna']
	}
};

type TitleParts = { product: string; n: number; trigger: string | null };
/** A title template; those that name the trigger are skipped for reports without one. */
type Title = { needsTrigger?: boolean; text: (p: TitleParts) => string };
const t = (text: Title['text']): Title => ({ text });
const withTrigger = (text: Title['text']): Title => ({ needsTrigger: true, text });

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** How an English title names a trigger ("Charged for months after moving house"). */
const triggerPhrases: Record<Trigger, string | null> = {
	'death-of-account-holder': 'a bereavement',
	'moving-house': 'moving house',
	'switching-plan': 'a plan change',
	cancellation: 'asking to cancel',
	'new-account': 'signing up',
	'name-change': 'a name change',
	none: null
};

const englishTitles: Record<Category, readonly Title[]> = {
	'billing-error': [
		t((p) => `${p.product} billed twice, late fee added on top`),
		withTrigger((p) => `Charged for ${p.n} months after ${p.trigger}`),
		t(() => 'Account marked in arrears with nothing owed'),
		t((p) => `Mystery administration fee on my ${lowerFirst(p.product)} bill`),
		t((p) => `${p.product}: billed at the old rate for ${p.n} months`)
	],
	'service-outage': [
		t((p) => `${p.product} down for ${p.n} days`),
		t((p) => `${p.product} cut early and out for ${p.n} days`),
		t((p) => `No service for ${p.n} days, engineer never came`),
		t((p) => `${p.product} drops out every evening`),
		withTrigger((p) => `Outage after ${p.trigger}, ${p.n} missed appointments`)
	],
	'cancellation-obstructed': [
		t((p) => `Agent would not let me cancel my ${lowerFirst(p.product)}`),
		t((p) => `Cancelled ${p.n} times, still billed`),
		t(() => 'Cancellation loop between the website and the phone line'),
		t((p) => `${p.product}: retention team refused to cancel`)
	],
	'refund-refused': [
		t((p) => `Refund promised ${p.n} times, never paid`),
		t((p) => `Returned in time, no refund for ${lowerFirst(p.product)}`),
		t((p) => `Refund "with finance" for ${p.n} weeks`),
		t((p) => `${p.product} cancelled by them, refund refused`)
	],
	'unreachable-support': [
		t((p) => `${p.n} hours on hold and never a human`),
		t((p) => `No way to reach anyone about my ${lowerFirst(p.product)}`),
		t(() => 'Registered letters ignored'),
		t(() => 'Chat bot loop, phone line hangs up')
	],
	'broken-promise': [
		t((p) => `${p.n} promised call-backs, none came`),
		t((p) => `Technician promised ${p.n} times, never arrived`),
		t((p) => `Credit promised on ${lowerFirst(p.product)}, never applied`),
		t((p) => `"Fixed by Friday", ${p.n} Fridays ago`)
	],
	'account-closed': [
		t(() => 'Account closed, balance kept'),
		t((p) => `${p.product} closed without notice or refund`),
		t(() => 'Frozen "for review", then closed'),
		withTrigger((p) => `Account closed after ${p.trigger}, credit gone`)
	],
	'rude-staff': [
		t(() => 'Agent laughed and hung up'),
		t(() => 'Told to "calm down" for asking for a reference number'),
		t(() => 'Staff blamed me in front of other customers'),
		withTrigger((p) => `Treated like a liar after ${p.trigger}`)
	],
	'misleading-sales': [
		t((p) => `"No minimum term" turned into ${p.n * 2} months`),
		t((p) => `Promotional ${lowerFirst(p.product)} price lasted ${p.n} weeks`),
		t(() => '"Free upgrade" came with a new contract'),
		t((p) => `Advertised ${lowerFirst(p.product)} price left out the extras`)
	],
	'data-privacy': [
		t(() => "My bills sent to a stranger's email address"),
		t((p) => `Data request unanswered after ${p.n} months`),
		t(() => 'Number passed to marketers after I closed the account'),
		t(() => 'My account details shown to another customer')
	]
};

/** English openings: how it started, by trigger. {month} and {years} are filled in per variant. */
const englishOpenings: Record<Trigger, readonly string[]> = {
	'death-of-account-holder': [
		'My husband died in {month}. The next week I called to put the account in my name, sent the death certificate twice, and was told it was "all in hand".',
		'After my father passed away I became his executor and asked them to close his account and send a final bill.',
		'When my wife died I did everything their bereavement page told me to do: I rang, I emailed the certificate, and I waited.'
	],
	'moving-house': [
		'We moved house in {month} and booked the transfer of the service weeks ahead, with a confirmed date.',
		'I gave notice of our move well in advance and got a reference number and a date in writing.',
		'Moving to a new flat should have been the easy part. I arranged everything online a month before.'
	],
	'switching-plan': [
		'I switched to a plan the company itself offered me on the phone, supposedly cheaper and "with no interruption".',
		'A sales agent called me about an upgrade. I agreed, on the condition that nothing else would change.',
		'I asked to move to a smaller plan because my circumstances had changed.'
	],
	cancellation: [
		'I wanted to cancel. My contract had ended and I had found a better offer elsewhere.',
		'I asked to cancel, clearly and more than once, and asked for written confirmation.',
		'The minimum term was over, so in {month} I called to end the contract.'
	],
	'new-account': [
		'I opened a new account in {month}, and the problems began with the very first bill.',
		'This was supposed to be a simple sign-up. It took ten minutes online; undoing it took months.',
		'I became a customer after an advertisement promised a simple, transparent deal.'
	],
	'name-change': [
		'After I got married I asked them to update the surname on my account. That one request broke everything.',
		'I changed my name legally and sent them the documents they asked for.',
		'I only asked them to correct the spelling of my name on the account.'
	],
	none: [
		'I had been a customer for {years} years without a single problem until this.',
		'It started with something routine.',
		''
	]
};

const englishBodies: Record<Category, readonly string[]> = {
	'billing-error': [
		'Then the bills started. They charged me twice for the same month, then added a late fee for the second charge. Every agent agreed it was wrong, every agent promised a correction "within one billing cycle", and the next bill was the same.',
		'The account was flagged as **in arrears** although every payment had gone through. I have the bank statements. The reminder letters kept coming, and the last one threatened to pass the "debt" to a collection agency.',
		'They kept billing at the old rate, plus an "administration fee" that nobody could explain. The bill quoted a contract I never signed.'
	],
	'service-outage': [
		'The service went down and stayed down. Every call ended with a new engineer visit that never happened, and the status page said there were no faults in my area.',
		'The service was cut on the day of the change. The automated line said there was no fault; the technicians said the order had been cancelled on their side.',
		'The connection dropped for hours every evening. They ran the same remote test every time, declared the line fine, and closed the ticket.'
	],
	'cancellation-obstructed': [
		'The agent refused to process the cancellation and transferred me to a "retention team", who offered a discount and then said cancellations could only be done by phone — the phone I was already on.',
		'The online cancellation led to a page saying "call us". The phone line said "use the website". My cancellation email got an automated reply and nothing else.',
		'They said I had to return the equipment first, then refused to send a returns label until the cancellation had gone through.'
	],
	'refund-refused': [
		'They agreed a refund was due and gave me a reference number. Then nothing. Every time I called, the refund was "with the finance team".',
		'I returned the item within the return period, with proof of postage. They say it never arrived and refuse to refund.',
		'They cancelled on their side, yet they insist the fee I paid is "non-refundable".'
	],
	'unreachable-support': [
		'There is no way to reach a person. The chat bot loops back to the FAQ, the phone line hangs up after forty minutes on hold, and emails get a ticket number and nothing else.',
		'The number on the bill goes to a menu that ends with "please visit our website". The website sends you back to the number.',
		'After weeks on hold I was told to write a letter. I wrote two, by registered post. No reply.'
	],
	'broken-promise': [
		'Every agent promised a call-back "within 48 hours". None came. Each deadline passed without a word, and each new agent started from scratch.',
		'They promised a technician visit, then another, then a credit on my account. None of it happened.',
		'The manager I finally reached gave me her word that it would be fixed by Friday. That was many Fridays ago.'
	],
	'account-closed': [
		'They closed my account without warning and without explanation, and kept the remaining balance. The letter said the decision was final and that they could not tell me why.',
		'My account was frozen "for a review" and then closed. The balance has still not been returned.',
		'They closed the account after the change, and the credit on it simply disappeared.'
	],
	'rude-staff': [
		'The agent laughed when I explained the situation and said it was "not my department". The next one hung up on me.',
		'In the store, the staff told me in front of other customers that I must have done something wrong.',
		'I was told to "calm down" when I asked for a reference number, and then that my call would be noted as "abusive".'
	],
	'misleading-sales': [
		'The advertised price did not include the "mandatory" extras, and the promotional rate lasted two months, not the year the salesperson promised.',
		'The salesman assured me there was no minimum term. The contract said 24 months.',
		'The "free upgrade" turned out to be a new contract with a higher price and an early termination fee.'
	],
	'data-privacy': [
		"They sent my bills, with my address and account details, to a stranger's email address — and kept doing it after I told them.",
		'I asked for a copy of my data, as the law allows. Months later I still have nothing.',
		'After I closed the account my number was passed to marketers: the calls started the next day.'
	]
};

const englishMiddles = [
	'What I tried:\n\n- phone calls, many of them, each starting from scratch\n- emails to the complaints address\n- a formal written complaint',
	'> "I can see the problem, but I can\'t fix it from here."\n\nThat sentence, from one of the agents, sums it up.',
	'I kept a log of every contact: date, time, agent and reference number. It runs to several pages.',
	'Each time I was asked to explain everything again, from the beginning, to someone new.',
	''
];

const englishClosings = [
	'**Advice:** keep every reference number and write down the name of every agent.',
	'I am filing this so that the next person in my situation knows it is not their fault.',
	'If you work there and read this: please fix the process, not just my case.',
	'### What I want\n\nAn apology, a correct account, and a process that works for the next person.',
	'Nobody ever explained what went wrong.'
];

const months = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/** Categories with narratives in languages other than English. */
type LocalCategory =
	| 'billing-error'
	| 'service-outage'
	| 'cancellation-obstructed'
	| 'refund-refused'
	| 'unreachable-support';
type LocalTexts = {
	bodies: Record<LocalCategory, readonly [string, string]>;
	closings: readonly string[];
	titles: Record<LocalCategory, readonly Title[]>;
};

const localTexts: Record<Exclude<DemoLanguage, 'en'>, LocalTexts> = {
	ca: {
		bodies: {
			'billing-error': [
				'Em van cobrar dues vegades el mateix mes i després em van afegir un recàrrec per impagament. Cada agent em deia que era un error i que es corregiria a la factura següent. No es va corregir mai.',
				"El compte apareixia com a **impagat** tot i que s'havien cobrat tots els rebuts. Tinc els extractes del banc. Igualment em van enviar cartes de reclamació."
			],
			'service-outage': [
				'Ens vam quedar sense servei durant dies. Cada trucada acabava amb una nova visita tècnica que no arribava mai.',
				'La connexió queia cada vespre. Feien la mateixa prova remota, deien que la línia estava bé i tancaven la incidència.'
			],
			'cancellation-obstructed': [
				"Vaig demanar la baixa per telèfon i l'agent es va negar a tramitar-la. Em va passar a un «departament de retenció» que només m'oferia descomptes.",
				'El web deia que truqués; el telèfon deia que ho fes pel web. El correu amb la sol·licitud de baixa no va tenir resposta.'
			],
			'refund-refused': [
				'Van reconèixer que em devien el reemborsament i em van donar un número de referència. No ha arribat mai.',
				"Vaig retornar el producte dins del termini, amb el justificant d'enviament. Diuen que no els ha arribat i no em tornen els diners."
			],
			'unreachable-support': [
				"No hi ha manera de parlar amb una persona. El xat torna sempre a les preguntes freqüents i el telèfon penja després de quaranta minuts d'espera.",
				'Vaig enviar dues cartes certificades. Cap resposta.'
			]
		},
		closings: [
			'**Consell:** apunteu cada número de referència i el nom de cada agent.',
			'Ho publico perquè la propera persona sàpiga que no és culpa seva.'
		],
		titles: {
			'billing-error': [
				t(() => 'Facturat dues vegades i amb recàrrec per un error seu'),
				t(() => 'Compte marcat com a impagat sense cap deute')
			],
			'service-outage': [
				t((p) => `${p.n} dies sense servei i cap tècnic`),
				t((p) => `${p.product}: talls cada vespre`)
			],
			'cancellation-obstructed': [
				t(() => 'No em deixen donar de baixa el contracte'),
				t((p) => `Impossible donar de baixa: ${lowerFirst(p.product)}`)
			],
			'refund-refused': [
				t(() => 'Un reemborsament promès que no arriba mai'),
				t(() => 'Retorn dins de termini i sense reemborsament')
			],
			'unreachable-support': [
				t(() => 'Impossible parlar amb una persona'),
				t(() => 'Cartes certificades sense resposta')
			]
		}
	},
	de: {
		bodies: {
			'billing-error': [
				'Man hat mir denselben Monat zweimal abgebucht und danach eine Mahngebühr für die zweite Abbuchung berechnet. Jeder Mitarbeiter gab den Fehler zu und versprach eine Korrektur mit der nächsten Rechnung. Sie kam nie.',
				'Das Konto wurde als **im Zahlungsrückstand** geführt, obwohl jede Zahlung eingegangen war. Ich habe die Kontoauszüge. Trotzdem kamen Mahnungen und die Drohung mit einem Inkassobüro.'
			],
			'service-outage': [
				'Der Anschluss fiel aus und blieb tot. Jeder Anruf endete mit einem neuen Technikertermin, der dann doch nicht stattfand.',
				'Die Verbindung brach jeden Abend ab. Es wurde immer derselbe Ferntest gemacht, die Leitung für in Ordnung erklärt und das Ticket geschlossen.'
			],
			'cancellation-obstructed': [
				'Der Mitarbeiter weigerte sich, die Kündigung aufzunehmen, und verband mich mit einem »Kundenbindungsteam«, das mir nur Rabatte anbot.',
				'Die Website sagt »Rufen Sie uns an«, die Hotline sagt »Nutzen Sie die Website«. Meine Kündigung per E-Mail blieb unbeantwortet.'
			],
			'refund-refused': [
				'Man hat anerkannt, dass mir eine Erstattung zusteht, und mir eine Vorgangsnummer gegeben. Das Geld kam nie an.',
				'Ich habe die Ware fristgerecht zurückgeschickt, mit Einlieferungsbeleg. Angeblich ist sie nie angekommen; die Erstattung wird abgelehnt.'
			],
			'unreachable-support': [
				'Einen Menschen erreicht man nicht. Der Chatbot verweist auf die FAQ, die Hotline legt nach vierzig Minuten Warteschleife auf.',
				'Ich habe zwei Einschreiben geschickt. Keine Antwort.'
			]
		},
		closings: [
			'**Tipp:** Notieren Sie jede Vorgangsnummer und den Namen jedes Mitarbeiters.',
			'Ich schreibe das, damit die Nächsten wissen, dass es nicht an ihnen liegt.'
		],
		titles: {
			'billing-error': [
				t(() => 'Doppelt abgebucht und dann noch Mahngebühren'),
				t(() => 'Als säumig geführt, obwohl alles bezahlt war')
			],
			'service-outage': [
				t((p) => `${p.n} Tage kein Anschluss und kein Techniker`),
				t((p) => `${p.product}: jeden Abend Abbrüche`)
			],
			'cancellation-obstructed': [
				t(() => 'Kündigung wird einfach nicht angenommen'),
				t((p) => `${p.product} lässt sich nicht kündigen`)
			],
			'refund-refused': [
				t(() => 'Zugesagte Erstattung kommt nie an'),
				t(() => 'Fristgerecht zurückgeschickt, Geld weg')
			],
			'unreachable-support': [
				t(() => 'Kein Mensch erreichbar'),
				t(() => 'Zwei Einschreiben ohne Antwort')
			]
		}
	},
	es: {
		bodies: {
			'billing-error': [
				'Me cobraron dos veces el mismo mes y luego un recargo por impago por el segundo cobro. Cada agente reconocía el error y prometía corregirlo en la próxima factura. Nunca lo corrigieron.',
				'La cuenta figuraba como **morosa** aunque todos los recibos estaban pagados. Tengo los extractos del banco. Aun así me llegaban cartas que amenazaban con una agencia de cobros.'
			],
			'service-outage': [
				'Nos quedamos sin servicio durante días. Cada llamada terminaba con una nueva visita técnica que nunca llegaba.',
				'La conexión se cortaba cada noche. Hacían la misma prueba remota, decían que la línea estaba bien y cerraban la incidencia.'
			],
			'cancellation-obstructed': [
				'Pedí la baja por teléfono y el agente se negó a tramitarla. Me pasó a un «departamento de retención» que solo ofrecía descuentos.',
				'La web dice que llames; el teléfono dice que uses la web. Mi correo pidiendo la baja no tuvo respuesta.'
			],
			'refund-refused': [
				'Reconocieron que me debían el reembolso y me dieron un número de referencia. Nunca llegó.',
				'Devolví el producto dentro del plazo, con el justificante de envío. Dicen que no les ha llegado y se niegan a reembolsar.'
			],
			'unreachable-support': [
				'No hay forma de hablar con una persona. El chat vuelve siempre a las preguntas frecuentes y el teléfono cuelga tras cuarenta minutos de espera.',
				'Envié dos burofaxes. Ninguna respuesta.'
			]
		},
		closings: [
			'**Consejo:** apuntad cada número de referencia y el nombre de cada agente.',
			'Lo publico para que la próxima persona sepa que no es culpa suya.'
		],
		titles: {
			'billing-error': [
				t(() => 'Cobro doble y encima recargo por impago'),
				t(() => 'Cuenta marcada como morosa sin deber nada')
			],
			'service-outage': [
				t((p) => `${p.n} días sin servicio y ningún técnico`),
				t((p) => `${p.product}: cortes cada noche`)
			],
			'cancellation-obstructed': [
				t(() => 'No me dejan dar de baja el contrato'),
				t((p) => `Imposible dar de baja: ${lowerFirst(p.product)}`)
			],
			'refund-refused': [
				t(() => 'Reembolso prometido que nunca llega'),
				t(() => 'Devolución en plazo y sin reembolso')
			],
			'unreachable-support': [
				t(() => 'Imposible hablar con una persona'),
				t(() => 'Dos burofaxes sin respuesta')
			]
		}
	},
	ru: {
		bodies: {
			'billing-error': [
				'С меня дважды списали плату за один и тот же месяц, а потом начислили пени за второе списание. Каждый оператор признавал ошибку и обещал исправить её в следующем счёте. Так и не исправили.',
				'Счёт числился **в задолженности**, хотя все платежи прошли. У меня есть выписки из банка. Всё равно приходили письма с угрозой передать долг коллекторам.'
			],
			'service-outage': [
				'Связь пропала и не появлялась несколько дней. Каждый звонок заканчивался новым визитом мастера, который так и не приходил.',
				'Соединение обрывалось каждый вечер. Они запускали одну и ту же удалённую проверку, говорили, что линия в порядке, и закрывали заявку.'
			],
			'cancellation-obstructed': [
				'Я попросил расторгнуть договор по телефону, но оператор отказался оформить заявку и перевёл меня в «отдел удержания», где мне предлагали только скидки.',
				'На сайте написано «позвоните нам», по телефону говорят «воспользуйтесь сайтом». На письмо с заявлением о расторжении ответа нет.'
			],
			'refund-refused': [
				'Они признали, что должны вернуть деньги, и дали номер обращения. Деньги так и не пришли.',
				'Я вернул товар в срок, с квитанцией об отправке. Говорят, что посылка не пришла, и отказываются возвращать деньги.'
			],
			'unreachable-support': [
				'Дозвониться до живого человека невозможно. Чат-бот отправляет в раздел вопросов, а линия сбрасывает звонок после сорока минут ожидания.',
				'Я отправил два заказных письма. Ответа нет.'
			]
		},
		closings: [
			'**Совет:** записывайте номер каждого обращения и имя каждого оператора.',
			'Пишу это, чтобы следующий человек знал: он ни в чём не виноват.'
		],
		titles: {
			'billing-error': [
				t(() => 'Двойное списание и пени за их ошибку'),
				t(() => 'Числюсь должником, хотя всё оплачено')
			],
			'service-outage': [
				t(() => 'Несколько дней без связи, мастера нет'),
				t((p) => `${p.product}: обрывы каждый вечер`)
			],
			'cancellation-obstructed': [
				t(() => 'Не дают расторгнуть договор'),
				t((p) => `Невозможно отключить: ${lowerFirst(p.product)}`)
			],
			'refund-refused': [
				t(() => 'Обещанный возврат денег так и не пришёл'),
				t(() => 'Вернул товар в срок, деньги не вернули')
			],
			'unreachable-support': [
				t(() => 'Невозможно связаться с живым человеком'),
				t(() => 'Два заказных письма без ответа')
			]
		}
	},
	pl: {
		bodies: {
			'billing-error': [
				'Pobrali opłatę za ten sam miesiąc dwa razy, a potem naliczyli karę za zwłokę od drugiej płatności. Każdy konsultant przyznawał, że to błąd, i obiecywał korektę na następnej fakturze. Korekty nigdy nie było.',
				'Konto figurowało jako **zadłużone**, choć wszystkie płatności zostały zaksięgowane. Mam wyciągi z banku. Mimo to przychodziły wezwania do zapłaty i groźby przekazania sprawy windykacji.'
			],
			'service-outage': [
				'Usługa przestała działać i nie działała przez kilka dni. Każda rozmowa kończyła się nową wizytą technika, który nigdy nie przyszedł.',
				'Połączenie zrywało się co wieczór. Robili ten sam test zdalny, twierdzili, że linia jest sprawna, i zamykali zgłoszenie.'
			],
			'cancellation-obstructed': [
				'Poprosiłem przez telefon o rozwiązanie umowy, ale konsultant odmówił przyjęcia wypowiedzenia i przełączył mnie do „działu utrzymania klienta”, który proponował tylko rabaty.',
				'Strona internetowa każe dzwonić, infolinia każe korzystać ze strony. Mój e-mail z wypowiedzeniem pozostał bez odpowiedzi.'
			],
			'refund-refused': [
				'Przyznali, że należy mi się zwrot, i podali numer zgłoszenia. Pieniądze nigdy nie przyszły.',
				'Odesłałem towar w terminie, z potwierdzeniem nadania. Twierdzą, że paczka nie dotarła, i odmawiają zwrotu.'
			],
			'unreachable-support': [
				'Nie da się porozmawiać z człowiekiem. Czat odsyła do najczęstszych pytań, a infolinia rozłącza po czterdziestu minutach czekania.',
				'Wysłałem dwa listy polecone. Brak odpowiedzi.'
			]
		},
		closings: [
			'**Rada:** zapisujcie każdy numer zgłoszenia i nazwisko każdego konsultanta.',
			'Publikuję to, żeby następna osoba wiedziała, że to nie jej wina.'
		],
		titles: {
			'billing-error': [
				t(() => 'Podwójne obciążenie i jeszcze kara za zwłokę'),
				t(() => 'Konto oznaczone jako zadłużone, choć wszystko zapłacone')
			],
			'service-outage': [
				t(() => 'Kilka dni bez usługi i bez technika'),
				t((p) => `${p.product}: przerwy co wieczór`)
			],
			'cancellation-obstructed': [
				t(() => 'Nie pozwalają wypowiedzieć umowy'),
				t((p) => `Nie da się zrezygnować: ${lowerFirst(p.product)}`)
			],
			'refund-refused': [
				t(() => 'Obiecany zwrot pieniędzy nigdy nie dotarł'),
				t(() => 'Zwrot towaru w terminie, pieniędzy brak')
			],
			'unreachable-support': [
				t(() => 'Nie da się porozmawiać z człowiekiem'),
				t(() => 'Dwa listy polecone bez odpowiedzi')
			]
		}
	}
};

/** Whether there are narratives in this language for this category. */
export function hasNarratives(language: DemoLanguage, category: Category): boolean {
	return language === 'en' || category in localTexts[language].bodies;
}

/** Whether generated reports in this language may have this category and industry. */
export function hasLocalTexts(language: DemoLanguage, category: Category, industry: Industry) {
	return hasNarratives(language, category) && !!products[language][industry];
}

/** A title for a generated report: a template of its language and category, filled in. */
export function composeTitle(
	random: Random,
	language: DemoLanguage,
	category: Category,
	trigger: Trigger | null,
	product: string
): string {
	const titles =
		language === 'en'
			? englishTitles[category]
			: localTexts[language].titles[category as LocalCategory];
	const phrase = trigger ? triggerPhrases[trigger] : null;
	let title = random.pick(titles);
	if (title.needsTrigger && !phrase) title = titles[0]!;
	return title.text({ product, n: random.between(2, 12), trigger: phrase });
}

/** Markdown narratives in one language for one category (and, in English, one trigger). */
export function composeNarratives(
	random: Random,
	language: DemoLanguage,
	category: Category,
	trigger: Trigger,
	count: number
): string[] {
	const seen = new Set<string>();
	for (let attempt = 0; seen.size < count && attempt < count * 20; attempt++) {
		let paragraphs: string[];
		if (language === 'en') {
			const opening = random
				.pick(englishOpenings[trigger])
				.replace('{month}', random.pick(months))
				.replace('{years}', String(random.between(3, 25)));
			paragraphs = [
				opening,
				random.pick(englishBodies[category]),
				random.pick(englishMiddles),
				random.pick(englishClosings)
			];
		} else {
			const texts = localTexts[language];
			paragraphs = [
				random.pick(texts.bodies[category as LocalCategory]),
				random.pick(texts.closings)
			];
		}
		seen.add(paragraphs.filter(Boolean).join('\n\n'));
	}
	return [...seen];
}
