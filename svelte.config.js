import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Hashes (not nonces) of SvelteKit's own inline bootstrap script, so that the same page is the
		// same bytes for every visitor and shared caches may keep it; no other inline script may run.
		// Nor may inline styles: components style through classes (docs/decisions/018).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				// The one style attribute allowed: SvelteKit's own route announcer (a visually hidden
				// live region for screen readers) carries it, until sveltejs/kit#14566 moves it to a
				// stylesheet. 'unsafe-hashes' allows that exact attribute value and no other
				// (docs/decisions/018-answers-that-tell-nothing.md); the browser test fails if it changes.
				'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
