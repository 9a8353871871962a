/** Whether the page names its own share card (ShareImage.svelte): the layout names the site's picture only when it does not. */
import { getContext, onDestroy, setContext } from 'svelte';

const key = Symbol('share-image');

class ShareImageSlot {
	/** How many mounted components name a card now. */
	named = $state(0);
}

/** Called once by the root layout: the slot its pages' cards register in. */
export function provideShareImageSlot(): ShareImageSlot {
	return setContext(key, new ShareImageSlot());
}

/** Called by a page's card: while it is mounted, the layout's fallback picture stays out. */
export function claimShareImage(): void {
	const slot = getContext<ShareImageSlot | undefined>(key);
	if (!slot) return;
	slot.named += 1;
	onDestroy(() => {
		slot.named -= 1;
	});
}
