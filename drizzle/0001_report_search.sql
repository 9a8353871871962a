-- Full-text search over reports (SQLite FTS5, external content: the text lives only in `report`).
-- unicode61 with remove_diacritics 2 folds case and diacritics in every script ("Telefónica" = "telefonica").
CREATE VIRTUAL TABLE `report_fts` USING fts5(
	title, product, narrative,
	content='report', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `report_fts_after_insert` AFTER INSERT ON `report` BEGIN
	INSERT INTO report_fts(rowid, title, product, narrative)
	VALUES (new.id, new.title, new.product, new.narrative);
END;
--> statement-breakpoint
CREATE TRIGGER `report_fts_after_delete` AFTER DELETE ON `report` BEGIN
	INSERT INTO report_fts(report_fts, rowid, title, product, narrative)
	VALUES ('delete', old.id, old.title, old.product, old.narrative);
END;
--> statement-breakpoint
CREATE TRIGGER `report_fts_after_update` AFTER UPDATE OF title, product, narrative ON `report` BEGIN
	INSERT INTO report_fts(report_fts, rowid, title, product, narrative)
	VALUES ('delete', old.id, old.title, old.product, old.narrative);
	INSERT INTO report_fts(rowid, title, product, narrative)
	VALUES (new.id, new.title, new.product, new.narrative);
END;
