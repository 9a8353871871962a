-- The monthly series count reports by the month the incident started, as every date filter
-- does (issue 18: an incident of June was plotted in November, its filing month). The rows are
-- recomputed as rebuildRollups (src/lib/server/reports/rollups.ts) computes them.
DELETE FROM `rollup` WHERE `dimension` = 'month';--> statement-breakpoint
INSERT INTO `rollup` (`scope`, `dimension`, `key`, `n`)
SELECT 'all', 'month', substr(r.started_on, 1, 7), count(*)
FROM `report` r WHERE r.hidden_at IS NULL
GROUP BY 1, 3;--> statement-breakpoint
INSERT INTO `rollup` (`scope`, `dimension`, `key`, `n`)
SELECT 'company:' || r.company_id, 'month', substr(r.started_on, 1, 7), count(*)
FROM `report` r WHERE r.hidden_at IS NULL
GROUP BY 1, 3;--> statement-breakpoint
INSERT INTO `rollup` (`scope`, `dimension`, `key`, `n`)
SELECT 'pattern:' || r.category || '-after-' || r."trigger", 'month', substr(r.started_on, 1, 7), count(*)
FROM `report` r WHERE r.hidden_at IS NULL AND r."trigger" IS NOT NULL AND r."trigger" <> 'none'
GROUP BY 1, 3;
