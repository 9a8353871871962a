-- Full-text search over reports (SQLite FTS5, external content: the text lives only in `report`).
-- unicode61 with remove_diacritics 2 folds case and Latin diacritics ("Telefónica" = "telefonica").
-- It leaves letters without a Unicode decomposition alone: Russian ё (often written е) and
-- Polish ł (often written l). The triggers index them as е and l, and toFtsQuery() folds the
-- query the same way (keep the two lists equal). Token counts do not change, so snippets still
-- find their positions in the unfolded text.
-- Bulk loads must insert the same folded text (never use the 'rebuild' command, which would not fold).
CREATE VIRTUAL TABLE `report_fts` USING fts5(
	title, product, narrative,
	content='report', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `report_fts_after_insert` AFTER INSERT ON `report` BEGIN
	INSERT INTO report_fts(rowid, title, product, narrative)
	VALUES (new.id, replace(replace(replace(replace(new.title, 'ё', 'е'), 'Ё', 'Е'), 'ł', 'l'), 'Ł', 'L'), replace(replace(replace(replace(new.product, 'ё', 'е'), 'Ё', 'Е'), 'ł', 'l'), 'Ł', 'L'), replace(replace(replace(replace(new.narrative, 'ё', 'е'), 'Ё', 'Е'), 'ł', 'l'), 'Ł', 'L'));
END;
--> statement-breakpoint
CREATE TRIGGER `report_fts_after_delete` AFTER DELETE ON `report` BEGIN
	INSERT INTO report_fts(report_fts, rowid, title, product, narrative)
	VALUES ('delete', old.id, replace(replace(replace(replace(old.title, 'ё', 'е'), 'Ё', 'Е'), 'ł', 'l'), 'Ł', 'L'), replace(replace(replace(replace(old.product, 'ё', 'е'), 'Ё', 'Е'), 'ł', 'l'), 'Ł', 'L'), replace(replace(replace(replace(old.narrative, 'ё', 'е'), 'Ё', 'Е'), 'ł', 'l'), 'Ł', 'L'));
END;
--> statement-breakpoint
CREATE TRIGGER `report_fts_after_update` AFTER UPDATE OF title, product, narrative ON `report` BEGIN
	INSERT INTO report_fts(report_fts, rowid, title, product, narrative)
	VALUES ('delete', old.id, replace(replace(replace(replace(old.title, 'ё', 'е'), 'Ё', 'Е'), 'ł', 'l'), 'Ł', 'L'), replace(replace(replace(replace(old.product, 'ё', 'е'), 'Ё', 'Е'), 'ł', 'l'), 'Ł', 'L'), replace(replace(replace(replace(old.narrative, 'ё', 'е'), 'Ё', 'Е'), 'ł', 'l'), 'Ł', 'L'));
	INSERT INTO report_fts(rowid, title, product, narrative)
	VALUES (new.id, replace(replace(replace(replace(new.title, 'ё', 'е'), 'Ё', 'Е'), 'ł', 'l'), 'Ł', 'L'), replace(replace(replace(replace(new.product, 'ё', 'е'), 'Ё', 'Е'), 'ł', 'l'), 'Ł', 'L'), replace(replace(replace(replace(new.narrative, 'ё', 'е'), 'Ё', 'Е'), 'ł', 'l'), 'Ł', 'L'));
END;
