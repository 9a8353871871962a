CREATE TABLE `report_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`occurred_on` text NOT NULL,
	`occurred_at` text,
	`promised_on` text,
	`promised_at` text,
	`escalation_to` text,
	`note` text,
	FOREIGN KEY (`report_id`) REFERENCES `report`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_event_report_position_idx` ON `report_event` (`report_id`,`position`);--> statement-breakpoint
ALTER TABLE `report` ADD `contacts_at_least` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `report` ADD `effort_at_least` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `report` ADD `agents_at_least` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `report` ADD `promises_made` integer;--> statement-breakpoint
ALTER TABLE `report` ADD `order_value_minor` integer;--> statement-breakpoint
ALTER TABLE `report` ADD `country` text;--> statement-breakpoint
ALTER TABLE `report` ADD `region` text;--> statement-breakpoint
ALTER TABLE `report` ADD `outage_minutes` integer;--> statement-breakpoint
ALTER TABLE `report` ADD `promise_delta_minutes` integer;--> statement-breakpoint
ALTER TABLE `report` ADD `resolved_on` text;--> statement-breakpoint
ALTER TABLE `report` ADD `resolved_by` text;--> statement-breakpoint
CREATE INDEX `report_country_region_idx` ON `report` (`country`,`region`);