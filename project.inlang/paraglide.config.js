// Read by both the Vite plugin and the `paraglide-js compile` CLI, so that `npm run check`
// and the build compile the same runtime. Why these choices: docs/decisions/007-interface-languages.md
import { defineConfig } from '@inlang/paraglide-js';

export default defineConfig({
	outdir: './src/lib/paraglide',
	// The URL decides (English unprefixed, others under /ca/, /de/, …). The cookie and
	// Accept-Language only choose where an unprefixed page redirects to (src/lib/server/i18n.ts).
	strategy: ['url', 'cookie', 'preferredLanguage', 'baseLocale'],
	routeStrategies: [
		// Machine-facing and benchmark routes: never redirected, never localised.
		{ match: '/api/v1/:path(.*)?', exclude: true },
		{ match: '/api/openapi.json', exclude: true },
		{ match: '/explore/export.csv', exclude: true },
		{ match: '/explore/export.json', exclude: true },
		// The dataset's versioned downloads (one address for every language).
		{ match: '/about/data/:version/:file', exclude: true },
		{ match: '/companies/suggest', exclude: true },
		{ match: '/status', exclude: true },
		{ match: '/robots.txt', exclude: true },
		{ match: '/sitemap.xml', exclude: true },
		{ match: '/sitemaps/:path(.*)?', exclude: true }
	]
});
