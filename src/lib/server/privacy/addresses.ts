/**
 * Street addresses in the forms of the interface languages' countries: a street with its house
 * number. A street named without a number ("the shop on Baker Street") stays: it names a place
 * thousands of people pass, not where one of them lives.
 */
import type { Span } from './never-personal';

const houseNumber = String.raw`\d{1,4}(?:[A-Za-z](?![\p{L}]))?(?![\p{N}])`;
// Street words as people type them: "calle", "Calle", "CALLE"; "ul.", "Ul.", "UL.".
const anyCase = (words: string[]) =>
	words
		.flatMap((w) => {
			const rest = w.slice(1).replace(/[./]/g, '\\$&');
			return [
				`[${w[0]!.toUpperCase()}${w[0]!.toLowerCase()}]${rest}`,
				w.toUpperCase().replace(/[./]/g, '\\$&')
			];
		})
		.join('|');

// English (US and UK): "221B Baker Street", "12 high street", "1600 Pennsylvania Avenue".
const englishTypes = [
	anyCase(
		'street avenue road lane boulevard drive court way place terrace close crescent square parkway highway gardens mews grove'.split(
			' '
		)
	),
	...'St Ave Rd Ln Blvd Dr Ct Pl Sq Hwy'.split(' ').flatMap((a) => [a, a.toUpperCase()])
].join('|');
const englishStreet = new RegExp(
	String.raw`\d(?<![\p{L}\p{N}.,\p{Sc}]\d)\d{0,4}[A-Za-z]?\s+((?:[\p{L}'’.-]+\s+){1,3}?)(?:${englishTypes})\b\.?`,
	'gu'
);
// "3 hours on the road", "40 miles down the road": words a street's name is not made of.
const notStreetNames = new Set(
	'the a an on in at to of for down up along across my our your their his her its and or by with from into onto this that each every per times hours minutes days weeks months years miles km people calls'.split(
		' '
	)
);

// Spanish and Catalan: "calle Mayor 12", "Carrer de Mallorca, 401", "Avda. Diagonal nº 3", "c/ Balmes 45".
const iberianTypes = anyCase([
	'calle',
	'c/',
	'avenida',
	'avda.',
	'av.',
	'paseo',
	'plaza',
	'pza.',
	'carrer',
	'avinguda',
	'passeig',
	'plaça',
	'travessera',
	'camí',
	'camino',
	'ronda',
	'rambla',
	'carretera',
	'ctra.',
	'glorieta'
]);
const particle = String.raw`(?:(?:de|del|dels|la|las|los|les|el|i|y)\s+|[dl]['’])`;
const iberianName = String.raw`${particle}*\p{Lu}[\p{L}'’.-]*(?:\s+${particle}*\p{Lu}[\p{L}'’.-]*){0,4}`;
const iberianStreet = new RegExp(
	String.raw`(?<![\p{L}])(?:${iberianTypes}|Pº)\s*${iberianName},?\s*(?:n[º°o]\.?\s*)?${houseNumber}`,
	'gu'
);

// German: "Hauptstraße 5", "Berliner Straße 12", "Berliner Str. 8", "Potsdamer Platz 1", "Karl-Marx-Allee 90".
const germanTypes = 'Straße|Strasse|Str.|Weg|Platz|Allee|Gasse|Damm|Ufer|Chaussee'.split('|');
// Compounds of "-platz" and "-weg" that are not streets: "Parkplatz 3", "Rückweg 2".
const notGermanStreets =
	'Arbeits|Park|Stell|Sitz|Spiel|Camping|Ausbildungs|Studien|Kita|Listen|Tabellen|Steh|Schlaf|Liege|Rück|Heim|Um|Aus|Hin';
// "Die Straße 5 Minuten gesperrt": an article or preposition is not a street's name.
const notGermanNames =
	'Die|Der|Das|Den|Dem|Des|Ein|Eine|Einer|Einem|Einen|Diese|Dieser|Jede|Jeder|Meine|Unsere|Ihre|Seine|Auf|In|Zur|Zum|Von|Bei|An|Über|Nach';
const germanStreet = new RegExp(
	String.raw`(?<![\p{L}\p{N}])(?:(?!(?:${notGermanNames})\s)\p{Lu}[\p{L}-]*\s+(?:${germanTypes.map((t) => t.replace('.', '\\.')).join('|')})|(?!(?:${notGermanStreets})(?:platz|weg)\b)\p{Lu}[\p{L}-]*?(?:${anyCase(germanTypes)}))\s*${houseNumber}`,
	'gu'
);

// Polish: "ul. Długa 5/7", "al. Jerozolimskie 100", "pl. Grunwaldzki 3", "ulica Piotrkowska 25 m. 4".
const polishTypes = anyCase([
	'ul.',
	'ulica',
	'ulicy',
	'al.',
	'aleja',
	'alei',
	'os.',
	'osiedle',
	'pl.',
	'plac',
	'placu'
]);
const polishStreet = new RegExp(
	String.raw`(?<![\p{L}])(?:${polishTypes})\s*(?:\d{1,2}\s+)?\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,2},?\s+${houseNumber}(?:\s?\/\s?\d{1,4}|\s+m\.\s*\d{1,4})?`,
	'gu'
);

// Russian: "ул. Ленина, д. 5, кв. 12", "улица Тверская, 7", "пр-т Ленина 45", "д. 5, кв. 12".
const russianTypes = anyCase([
	'ул.',
	'улица',
	'пр-т',
	'просп.',
	'проспект',
	'пер.',
	'переулок',
	'ш.',
	'шоссе',
	'б-р',
	'бульвар',
	'пл.',
	'площадь',
	'наб.',
	'набережная'
]);
const russianNumber = String.raw`\d{1,4}(?:\p{L}(?!\p{L})|\/\d{1,4})?(?:,?\s*(?:корп\.|корпус|к\.|стр\.|строение)\s*\d{1,3})?`;
const russianFlat = String.raw`,?\s*(?:кв\.|квартира|оф\.|офис)\s*\d{1,4}`;
const russianStreet = new RegExp(
	String.raw`(?<![\p{L}])(?:${russianTypes})\s*(?:\d{1,2}-?[яй]\s+)?\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2},?\s*(?:(?:д\.|дом)\s*)?${russianNumber}(?:${russianFlat})?`,
	'gu'
);
const russianHouseAndFlat = new RegExp(
	String.raw`(?<![\p{L}])(?:д\.|дом)\s*${russianNumber}${russianFlat}`,
	'gu'
);

// Russian forms, tried only on text with Cyrillic in it.
const cyrillic = /[\u0400-\u04ff]/u;

/** Where the text holds a street with its house number, in any of the six languages' forms. */
export function findAddresses(text: string): Span[] {
	const spans: Span[] = [];
	for (const match of text.matchAll(englishStreet)) {
		// "45 minutes. Drive to the store": a sentence ends inside it.
		const words = match[1]!.trim().split(/\s+/);
		const endsSentence = (w: string) => w.length > 3 && w.endsWith('.');
		if (words.some((w) => notStreetNames.has(w.toLowerCase()) || endsSentence(w))) continue;
		spans.push({ start: match.index, end: match.index + match[0].length });
	}
	const patterns = [iberianStreet, germanStreet, polishStreet];
	if (cyrillic.test(text)) patterns.push(russianStreet, russianHouseAndFlat);
	for (const pattern of patterns) {
		for (const match of text.matchAll(pattern)) {
			spans.push({ start: match.index, end: match.index + match[0].length });
		}
	}
	return spans;
}
