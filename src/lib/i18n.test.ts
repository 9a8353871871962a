/** Every message exists, non-empty and with the same variables, in every interface language. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baseLocale, locales } from '$lib/paraglide/runtime';

type Variant = { declarations: string[]; selectors: string[]; match: Record<string, string> };
type Message = string | Variant[];

const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as {
	locales: string[];
};
function readMessages(locale: string): Record<string, Message> {
	const { $schema: _schema, ...messages } = JSON.parse(
		readFileSync(`messages/${locale}.json`, 'utf8')
	) as Record<string, Message>;
	return messages;
}
const english = readMessages(baseLocale);

/** The `{name}` placeholders of a pattern. */
const placeholders = (text: string) =>
	[...text.matchAll(/\{\s*([A-Za-z_][\w]*)\s*\}/g)].map((match) => match[1]!).sort();
/** What a message needs from its caller: its inputs, or the placeholders of a plain string. */
function inputsOf(message: Message): string[] {
	if (typeof message === 'string') return [...new Set(placeholders(message))];
	return message[0]!.declarations
		.filter((d) => d.startsWith('input '))
		.map((d) => d.slice('input '.length).trim())
		.sort();
}
function textsOf(message: Message): string[] {
	return typeof message === 'string' ? [message] : Object.values(message[0]!.match);
}

describe('messages', () => {
	it('registers the same locales in the project and the runtime, each with a file', () => {
		expect(settings.locales).toEqual([...locales]);
		expect([...locales].sort()).toEqual(['ca', 'de', 'en', 'es', 'pl', 'ru']);
	});

	describe.each(locales.filter((locale) => locale !== baseLocale))('%s', (locale) => {
		const translated = readMessages(locale);

		it('has every English key, and no key English does not have', () => {
			const missing = Object.keys(english).filter((key) => !(key in translated));
			const stale = Object.keys(translated).filter((key) => !(key in english));
			expect(missing, `keys missing in messages/${locale}.json`).toEqual([]);
			expect(stale, `keys only in messages/${locale}.json`).toEqual([]);
		});

		it('leaves no message or plural form empty', () => {
			const empty = Object.entries(translated)
				.filter(([, message]) => textsOf(message).some((text) => text.trim() === ''))
				.map(([key]) => key);
			expect(empty).toEqual([]);
		});

		it('asks for the same variables as English, and uses only declared ones', () => {
			const mismatched: string[] = [];
			for (const [key, message] of Object.entries(translated)) {
				const source = english[key];
				if (source === undefined) continue;
				if (typeof source !== typeof message) {
					mismatched.push(`${key}: plural in one language only`);
					continue;
				}
				if (inputsOf(message).join() !== inputsOf(source).join()) {
					mismatched.push(`${key}: ${inputsOf(message)} instead of ${inputsOf(source)}`);
				}
				if (typeof message !== 'string') {
					const declared = message[0]!.declarations.map(
						(d) => d.replace(/^(input|local)\s+/, '').split(/\s|=/)[0]!
					);
					for (const text of textsOf(message)) {
						const unknown = placeholders(text).filter((name) => !declared.includes(name));
						if (unknown.length) mismatched.push(`${key}: undeclared ${unknown}`);
					}
				}
			}
			expect(mismatched).toEqual([]);
		});

		it("gives every plural message a form for each of the language's plural categories", () => {
			const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
			const incomplete: string[] = [];
			for (const [key, message] of Object.entries(translated)) {
				if (typeof message === 'string') continue;
				const { selectors, match } = message[0]!;
				const forms = Object.keys(match).map((k) => k.slice(`${selectors[0]}=`.length));
				const lacking = categories.filter((category) => !forms.includes(category));
				if (lacking.length) incomplete.push(`${key}: ${lacking.join(', ')}`);
			}
			expect(incomplete).toEqual([]);
		});
	});
});
