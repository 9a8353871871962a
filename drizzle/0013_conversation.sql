CREATE TABLE `response_entry` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`response_id` integer NOT NULL,
	`report_id` integer NOT NULL,
	`author_id` text,
	`role` text NOT NULL,
	`body` text NOT NULL,
	`body_html` text NOT NULL,
	`created_at` integer NOT NULL,
	`hidden_at` integer,
	`hidden_reason` text,
	FOREIGN KEY (`response_id`) REFERENCES `company_response`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`report_id`) REFERENCES `report`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `response_entry_response_idx` ON `response_entry` (`response_id`,`id`);--> statement-breakpoint
CREATE INDEX `response_entry_report_idx` ON `response_entry` (`report_id`);--> statement-breakpoint
CREATE INDEX `response_entry_author_idx` ON `response_entry` (`author_id`);--> statement-breakpoint
-- custom SQL (keep on regeneration)
-- A thread entry is shown on the public report page: writing one bumps the data version (0006).
DROP TRIGGER IF EXISTS `data_version_response_entry_insert`;--> statement-breakpoint
CREATE TRIGGER `data_version_response_entry_insert` AFTER INSERT ON `response_entry` BEGIN
	UPDATE `data_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `data_version_response_entry_update`;--> statement-breakpoint
CREATE TRIGGER `data_version_response_entry_update` AFTER UPDATE ON `response_entry` BEGIN
	UPDATE `data_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `data_version_response_entry_delete`;--> statement-breakpoint
CREATE TRIGGER `data_version_response_entry_delete` AFTER DELETE ON `response_entry` BEGIN
	UPDATE `data_version` SET `version` = `version` + 1;
END;
