/** Countries (ISO 3166-1) and their first-level regions (ISO 3166-2), from the maintained iso-3166 data. */
import { iso31661, iso31662 } from 'iso-3166';

/** Every assigned ISO 3166-1 alpha-2 code. */
export const countryCodes: readonly string[] = iso31661.map((c) => c.alpha2).sort();
const countrySet = new Set(countryCodes);

/**
 * Countries whose regions the form offers: the interface languages' countries, the US (the CFPB
 * record) and close neighbours. Other countries' regions are still accepted when valid.
 */
const offeredRegionCountries = ['US', 'GB', 'ES', 'DE', 'PL', 'RU', 'FR', 'IT', 'CA'] as const;

/** The United Kingdom's ISO 3166-2 lists 200-odd councils; its four nations are what people say. */
const regionOverrides: Record<string, readonly string[]> = {
	GB: ['GB-ENG', 'GB-NIR', 'GB-SCT', 'GB-WLS']
};

export type Region = { code: string; name: string };

const regionsByCountry = new Map<string, Region[]>();
for (const { code, name, parent } of iso31662) {
	// First-level subdivisions only: their parent is the country itself, never anything finer.
	if (!countrySet.has(parent)) continue;
	const list = regionsByCountry.get(parent) ?? [];
	list.push({ code, name });
	regionsByCountry.set(parent, list);
}
for (const [country, codes] of Object.entries(regionOverrides)) {
	regionsByCountry.set(
		country,
		codes.map((code) => iso31662.find((r) => r.code === code) ?? { code, name: code })
	);
}
for (const list of regionsByCountry.values()) list.sort((a, b) => a.name.localeCompare(b.name));

/** Every first-level region code (GB: its four nations), for filters. */
export const regionCodes: readonly string[] = [...regionsByCountry.values()]
	.flatMap((list) => list.map((r) => r.code))
	.sort();

/** A country's first-level regions, by name. */
export function regionsOf(country: string): readonly Region[] {
	return regionsByCountry.get(country) ?? [];
}

export function isCountry(code: string): boolean {
	return countrySet.has(code);
}

/** Whether `region` is a first-level region of `country`. */
export function isRegionOf(region: string, country: string): boolean {
	return regionsByCountry.get(country)?.some((r) => r.code === region) ?? false;
}

/** The name ISO gives a region ("Catalunya", "Texas"), or the code itself. */
export function regionName(code: string): string {
	return regionsByCountry.get(code.slice(0, 2))?.find((r) => r.code === code)?.name ?? code;
}

/** What the report form offers: every country, and the regions of the offered countries. */
export function formPlaces(): { countries: readonly string[]; regions: Record<string, Region[]> } {
	return {
		countries: countryCodes,
		regions: Object.fromEntries(
			offeredRegionCountries.map((c) => [c, regionsByCountry.get(c) ?? []])
		)
	};
}
