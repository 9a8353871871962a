// What a visitor types, chooses or ticks before the page's script has taken over: hydration
// sets every field back to the value the server rendered, so src/lib/typed-early.ts puts the
// recorded values back once it has run. A plain file (the CSP allows no inline script),
// loaded async: it runs as soon as it arrives, long before SvelteKit's larger scripts, and
// stands aside if the page has hydrated first.
(() => {
	// Checked as JavaScript by svelte-check: the page's globals are untyped here.
	const page = /** @type {any} */ (window);
	if (page.__typedEarlyDone) return;
	const typed = new Map();
	const keep = (/** @type {Event} */ event) => {
		const field = /** @type {any} */ (event.target);
		if (field.type === 'checkbox' || field.type === 'radio') typed.set(field, field.checked);
		else if (field.type === 'select-multiple') {
			typed.set(
				field,
				[...field.selectedOptions].map((option) => option.value)
			);
		} else if ('value' in field) typed.set(field, field.value);
	};
	page.__typedEarly = typed;
	page.__keepTypedEarly = keep;
	addEventListener('input', keep, true);
})();
