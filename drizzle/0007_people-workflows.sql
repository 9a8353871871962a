CREATE TABLE `removal_review` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`target_type` text NOT NULL,
	`target_id` integer NOT NULL,
	`title` text NOT NULL,
	`report_id` integer,
	`reason` text NOT NULL,
	`note` text NOT NULL,
	`proposed_by` text,
	`created_at` integer NOT NULL,
	`decision` text,
	`decided_by` text,
	`decided_at` integer,
	`decision_note` text,
	FOREIGN KEY (`proposed_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `removal_review_open_idx` ON `removal_review` (`decided_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `removal_review_target_idx` ON `removal_review` (`target_type`,`target_id`);--> statement-breakpoint
CREATE INDEX `removal_review_proposed_by_idx` ON `removal_review` (`proposed_by`);--> statement-breakpoint
CREATE INDEX `removal_review_decided_by_idx` ON `removal_review` (`decided_by`);--> statement-breakpoint
DROP INDEX `audit_log_actor_idx`;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `note` text;--> statement-breakpoint
CREATE INDEX `audit_log_action_idx` ON `audit_log` (`action`,`created_at`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_idx` ON `audit_log` (`actor_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `notification` ADD `key` text DEFAULT 'legacy' NOT NULL;--> statement-breakpoint
ALTER TABLE `notification` ADD `params` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `user` ADD `locale` text;--> statement-breakpoint
-- Data: notices written as English sentences become keys and parameters (issue 17). What a
-- sentence cannot be traced back to is kept as is, under the key `legacy`.
UPDATE `notification` SET `key` = 'legacy', `params` = json_object('text', `message`);--> statement-breakpoint
UPDATE `notification` SET `key` = 'response-posted', `params` = (
	SELECT json_object('title', r.`title`, 'company', c.`name`)
	FROM `report` r JOIN `company` c ON c.`id` = r.`company_id`
	WHERE r.`id` = `notification`.`report_id`
) WHERE `kind` = 'response-posted' AND `report_id` IN (SELECT `id` FROM `report`);--> statement-breakpoint
-- A moderation notice was written in the same instant as its audit entry, and quotes its title.
UPDATE `notification` SET (`key`, `params`) = (
	SELECT
		CASE a.`action`
			WHEN 'report.hide' THEN 'report-hidden'
			WHEN 'report.remove' THEN 'report-removed'
			WHEN 'report.restore' THEN 'report-restored'
			WHEN 'response.hide' THEN 'response-hidden'
			WHEN 'response.remove' THEN 'response-removed'
			ELSE 'response-restored'
		END,
		json_object(
			'title', coalesce(
				(SELECT r.`title` FROM `report` r WHERE r.`id` = json_extract(a.`details`, '$.reportId')),
				json_extract(a.`details`, '$.title')
			),
			'reason', coalesce(a.`reason`, ''),
			'note', coalesce(json_extract(a.`details`, '$.note'), '')
		)
	FROM `audit_log` a
	WHERE a.`created_at` = `notification`.`created_at`
		AND a.`action` IN ('report.hide', 'report.remove', 'report.restore', 'response.hide', 'response.remove', 'response.restore')
		AND json_valid(a.`details`)
		AND instr(`notification`.`message`, json_extract(a.`details`, '$.title')) > 0
	ORDER BY a.`id` LIMIT 1
) WHERE `kind` IN ('report-hidden', 'report-restored') AND EXISTS (
	SELECT 1 FROM `audit_log` a
	WHERE a.`created_at` = `notification`.`created_at`
		AND a.`action` IN ('report.hide', 'report.remove', 'report.restore', 'response.hide', 'response.remove', 'response.restore')
		AND json_valid(a.`details`)
		AND instr(`notification`.`message`, json_extract(a.`details`, '$.title')) > 0
);--> statement-breakpoint
UPDATE `audit_log` SET `note` = json_extract(`details`, '$.note') WHERE json_valid(`details`) AND json_extract(`details`, '$.note') IS NOT NULL;--> statement-breakpoint
ALTER TABLE `notification` DROP COLUMN `kind`;--> statement-breakpoint
ALTER TABLE `notification` DROP COLUMN `message`;