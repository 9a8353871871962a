CREATE TABLE `report_change` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `notification_unread_idx` ON `notification` (`user_id`,`read_at`);--> statement-breakpoint
-- Every change to a report's facts is logged by id, whoever writes it (hand-written: drizzle-kit
-- does not manage triggers). The facet index reads the log to stay in step.
CREATE TRIGGER `report_change_insert` AFTER INSERT ON `report` BEGIN
	INSERT INTO `report_change` (`report_id`) VALUES (new.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `report_change_update` AFTER UPDATE OF `company_id`, `title`, `product`, `category`, `trigger`, `outcome`, `rating`, `narrative`, `language`, `source`, `started_on`, `hidden_at`, `created_at` ON `report` BEGIN
	INSERT INTO `report_change` (`report_id`) VALUES (new.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `report_change_delete` AFTER DELETE ON `report` BEGIN
	INSERT INTO `report_change` (`report_id`) VALUES (old.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `report_change_channel_insert` AFTER INSERT ON `report_channel` BEGIN
	INSERT INTO `report_change` (`report_id`) VALUES (new.`report_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `report_change_channel_delete` AFTER DELETE ON `report_channel` BEGIN
	INSERT INTO `report_change` (`report_id`) VALUES (old.`report_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `report_change_escalation_insert` AFTER INSERT ON `report_escalation` BEGIN
	INSERT INTO `report_change` (`report_id`) VALUES (new.`report_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `report_change_escalation_delete` AFTER DELETE ON `report_escalation` BEGIN
	INSERT INTO `report_change` (`report_id`) VALUES (old.`report_id`);
END;
--> statement-breakpoint
-- Reports per month: scorecards and charts read these few rows instead of one row per day.
INSERT INTO `rollup` (`scope`, `dimension`, `key`, `n`)
	SELECT `scope`, 'month', substr(`key`, 1, 7), sum(`n`) FROM `rollup` WHERE `dimension` = 'day'
	GROUP BY `scope`, substr(`key`, 1, 7);

