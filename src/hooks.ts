/** Universal hooks: `/de/companies` is routed as `/companies`, in German (the locale stays in the address). */
import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

export const reroute: Reroute = ({ url }) => deLocalizeUrl(url).pathname;
