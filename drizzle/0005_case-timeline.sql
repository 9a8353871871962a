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
CREATE INDEX `report_country_region_idx` ON `report` (`country`,`region`);--> statement-breakpoint
-- Imported CFPB complaints are from the US; their state becomes an ISO 3166-2 region (military
-- addresses AA, AE, AP have none).
UPDATE `report` SET `country` = 'US', `region` = CASE WHEN json_extract(`source_details`, '$.state') IN ('AK','AL','AR','AS','AZ','CA','CO','CT','DC','DE','FL','GA','GU','HI','IA','ID','IL','IN','KS','KY','LA','MA','MD','ME','MI','MN','MO','MP','MS','MT','NC','ND','NE','NH','NJ','NM','NV','NY','OH','OK','OR','PA','PR','RI','SC','SD','TN','TX','UM','UT','VA','VI','VT','WA','WI','WV','WY') THEN 'US-' || json_extract(`source_details`, '$.state') END WHERE `source` = 'cfpb' AND json_valid(`source_details`);
