CREATE TABLE `report_category` (
	`report_id` integer NOT NULL,
	`category` text NOT NULL,
	PRIMARY KEY(`report_id`, `category`),
	FOREIGN KEY (`report_id`) REFERENCES `report`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `report_category_category_idx` ON `report_category` (`category`,`report_id`);--> statement-breakpoint
CREATE TABLE `report_trigger` (
	`report_id` integer NOT NULL,
	`trigger` text NOT NULL,
	PRIMARY KEY(`report_id`, `trigger`),
	FOREIGN KEY (`report_id`) REFERENCES `report`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `report_trigger_trigger_idx` ON `report_trigger` (`trigger`,`report_id`);--> statement-breakpoint
-- custom SQL (keep on regeneration)
-- Every existing report names its category as the primary and only one, and its trigger as its
-- only circumstance (decision 028). Re-runnable: rows already there are kept.
INSERT OR IGNORE INTO `report_category` (`report_id`, `category`) SELECT `id`, `category` FROM `report`;--> statement-breakpoint
INSERT OR IGNORE INTO `report_trigger` (`report_id`, `trigger`) SELECT `id`, `trigger` FROM `report` WHERE `trigger` IS NOT NULL;--> statement-breakpoint
-- The facet index re-reads a report when its categories or circumstances change (as 0004 does
-- for channels and escalations).
CREATE TRIGGER IF NOT EXISTS `report_change_category_insert` AFTER INSERT ON `report_category` BEGIN
	INSERT INTO `report_change` (`report_id`) VALUES (new.`report_id`);
END;--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `report_change_category_delete` AFTER DELETE ON `report_category` BEGIN
	INSERT INTO `report_change` (`report_id`) VALUES (old.`report_id`);
END;--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `report_change_trigger_insert` AFTER INSERT ON `report_trigger` BEGIN
	INSERT INTO `report_change` (`report_id`) VALUES (new.`report_id`);
END;--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `report_change_trigger_delete` AFTER DELETE ON `report_trigger` BEGIN
	INSERT INTO `report_change` (`report_id`) VALUES (old.`report_id`);
END;
