import { defineConfig, devices } from '@playwright/test';

// E2E_PORT lets two checkouts run their suites side by side.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.test.ts',
	fullyParallel: true,
	workers: 2,
	forbidOnly: true,
	// After every test: a recount of every figure on a copy of the suite's database (issue 21).
	globalTeardown: './tests/e2e/rollup-drift-teardown.ts',
	retries: 0,
	reporter: process.env.CI ? 'line' : 'list',
	// Budgets, not speed checks: tests wait for states, and on a two-core machine running a build
	// beside them (issue 19) a 30 s budget failed tests that were only slow.
	timeout: 120_000,
	expect: { timeout: 20_000 },
	use: {
		baseURL: `http://localhost:${port}`,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				// Debian's Chromium: Playwright never downloads a browser here.
				launchOptions: {
					executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync'
					]
				}
			}
		}
	],
	webServer: {
		// The production build, on a fresh database each run.
		command: 'rm -rf tests/e2e/.data && node build',
		port,
		reuseExistingServer: false,
		timeout: 180_000,
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://localhost:${port}`,
			DATABASE_PATH: 'tests/e2e/.data/e2e.db',
			DATASET_PATH: 'tests/e2e/.data/dataset',
			SECURE_COOKIES: '0',
			// The job runner looks for due work every second (tests wait for its results).
			JOBS_INTERVAL_SECONDS: '1'
		}
	}
});
