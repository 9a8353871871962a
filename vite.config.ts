import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		sveltekit(),
		// Strategy and route exclusions live in project.inlang/paraglide.config.js (shared with the CLI).
		paraglideVitePlugin({ project: './project.inlang', outdir: './src/lib/paraglide' })
	],
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		setupFiles: ['./src/lib/server/testing/setup.ts'],
		pool: 'forks',
		// Budgets, not speed checks: on a loaded two-core machine a test that takes 1 s alone can take
		// several; the default 5 s made correct tests fail. Heavy property tests set their own budget.
		testTimeout: 30_000,
		hookTimeout: 30_000,
		// A test that asserts nothing cannot fail.
		expect: { requireAssertions: true }
	}
});
