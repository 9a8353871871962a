-- Full-text search over reports (SQLite FTS5). The index is contentless: it holds only the
-- tokens, not a second copy of the text, and rows are deleted by rowid (contentless_delete).
-- unicode61 with remove_diacritics 2 folds case and Latin diacritics ("Telefónica" = "telefonica").
-- It leaves letters without a Unicode decomposition alone: Russian ё (often written е) and
-- Polish ł (often written l). The triggers index them as е and l, and toFtsQuery() folds the
-- query the same way (keep the two lists equal). Snippets are cut in JavaScript from the
-- report's own text (searchSnippet in src/lib/server/reports/explore.ts).
CREATE VIRTUAL TABLE `report_fts` USING fts5(
	title, product, narrative,
	content='', contentless_delete=1,
	tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `report_fts_after_insert` AFTER INSERT ON `report` BEGIN
	INSERT INTO report_fts(rowid, title, product, narrative) VALUES (new.id, replace(replace(replace(replace(new.title, 'ё', 'е'), 'Ё', 'Е'), 'ł', 'l'), 'Ł', 'L'), replace(replace(replace(replace(new.product, 'ё', 'е'), 'Ё', 'Е'), 'ł', 'l'), 'Ł', 'L'), replace(replace(replace(replace(new.narrative, 'ё', 'е'), 'Ё', 'Е'), 'ł', 'l'), 'Ł', 'L'));
END;
--> statement-breakpoint
CREATE TRIGGER `report_fts_after_delete` AFTER DELETE ON `report` BEGIN
	DELETE FROM report_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `report_fts_after_update` AFTER UPDATE OF title, product, narrative ON `report` BEGIN
	DELETE FROM report_fts WHERE rowid = old.id;
	INSERT INTO report_fts(rowid, title, product, narrative) VALUES (new.id, replace(replace(replace(replace(new.title, 'ё', 'е'), 'Ё', 'Е'), 'ł', 'l'), 'Ł', 'L'), replace(replace(replace(replace(new.product, 'ё', 'е'), 'Ё', 'Е'), 'ł', 'l'), 'Ł', 'L'), replace(replace(replace(replace(new.narrative, 'ё', 'е'), 'Ё', 'Е'), 'ł', 'l'), 'Ł', 'L'));
END;
