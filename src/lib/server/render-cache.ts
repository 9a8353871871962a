/** Server-rendered markup of figure components, kept per language until the data changes. */
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import { getLocale } from '$lib/paraglide/runtime';
import type { Db } from './db/client';
import { ReadCache } from './db/read-cache';

/** A few hundred pages' figures in each language read: tens of kilobytes each at most. */
const rendered = new ReadCache<{ markup: string }>(300);

/**
 * The markup of `component` with `props`, rendered once per data version, language and key.
 * Only for components whose output follows from their props and the language alone (no user,
 * no address): the key names the props, e.g. the roll-up scope they come from.
 */
export function renderOnce<Props extends Record<string, unknown>>(
	db: Db,
	key: string,
	component: Component<Props>,
	props: () => Props
): string {
	return rendered.read(db, `${getLocale()} ${key}`, () => ({
		markup: render(component, { props: props() }).body
	})).markup;
}
