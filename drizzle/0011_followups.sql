CREATE TABLE `followup_question` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`weeks` integer NOT NULL,
	`token_hash` text NOT NULL,
	`asked_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`answer` text,
	`answered_at` integer,
	FOREIGN KEY (`report_id`) REFERENCES `report`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `followup_question_token_hash_unique` ON `followup_question` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `followup_question_report_weeks_idx` ON `followup_question` (`report_id`,`weeks`);--> statement-breakpoint
CREATE INDEX `followup_question_answered_idx` ON `followup_question` (`answered_at`);--> statement-breakpoint
CREATE TABLE `job` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`payload` text DEFAULT '{}' NOT NULL,
	`key` text,
	`state` text DEFAULT 'due' NOT NULL,
	`due_at` integer NOT NULL,
	`claimed_at` integer,
	`finished_at` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `job_key_unique` ON `job` (`key`);--> statement-breakpoint
CREATE INDEX `job_due_idx` ON `job` (`state`,`due_at`);--> statement-breakpoint
CREATE TABLE `outcome_change` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`from_outcome` text NOT NULL,
	`to_outcome` text NOT NULL,
	`changed_at` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `report`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `outcome_change_report_idx` ON `outcome_change` (`report_id`,`changed_at`);--> statement-breakpoint
-- custom SQL (keep on regeneration)
-- Every outcome change, whatever path makes it (edit, verdict, follow-up answer, script), is
-- recorded with its date by one trigger: the outcome history and time to resolution read it.
DROP TRIGGER IF EXISTS `report_outcome_history`;--> statement-breakpoint
CREATE TRIGGER `report_outcome_history` AFTER UPDATE OF `outcome` ON `report`
WHEN old.`outcome` IS NOT new.`outcome` BEGIN
	INSERT INTO `outcome_change` (`report_id`, `from_outcome`, `to_outcome`, `changed_at`)
	VALUES (new.`id`, old.`outcome`, new.`outcome`, new.`updated_at`);
END;
