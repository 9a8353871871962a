/**
 * Puts back what a visitor typed, chose or ticked before the page hydrated.
 *
 * Hydration sets each form field to the value the server rendered, so on a slow connection
 * the first words typed into a search box or a report were wiped the moment the script
 * arrived. typed-early-script.js (loaded by the root layout) records the fields changed before then; this runs
 * once the page has hydrated (the root layout's onMount, after every field's own update),
 * restores them and stops recording.
 */
type TypedEarlyWindow = Window & {
	/** Field → its value, checked state, or (a multiple select) the chosen values. */
	__typedEarly?: Map<EventTarget, string | boolean | string[]>;
	__keepTypedEarly?: (event: Event) => void;
	/** Set once restored: a recorder arriving later stands aside. */
	__typedEarlyDone?: boolean;
};

export function restoreTypedEarly(): void {
	const w = window as TypedEarlyWindow;
	const typed = w.__typedEarly;
	w.__typedEarlyDone = true;
	if (w.__keepTypedEarly) removeEventListener('input', w.__keepTypedEarly, true);
	delete w.__typedEarly;
	delete w.__keepTypedEarly;
	if (!typed) return;
	for (const [field, value] of typed) {
		if (!(field instanceof Element) || !field.isConnected) continue;
		if (field instanceof HTMLSelectElement && Array.isArray(value)) {
			for (const option of field.options) option.selected = value.includes(option.value);
		} else if (field instanceof HTMLInputElement && typeof value === 'boolean') {
			field.checked = value;
		} else if (
			(field instanceof HTMLInputElement ||
				field instanceof HTMLTextAreaElement ||
				field instanceof HTMLSelectElement) &&
			typeof value === 'string'
		) {
			field.value = value;
		}
	}
}
