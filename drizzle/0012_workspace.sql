CREATE TABLE `representative_invite` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`token_hash` text NOT NULL,
	`invited_by` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`accepted_at` integer,
	`accepted_by` text,
	`revoked_at` integer,
	FOREIGN KEY (`company_id`) REFERENCES `company`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invited_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`accepted_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `representative_invite_token_idx` ON `representative_invite` (`token_hash`);--> statement-breakpoint
CREATE INDEX `representative_invite_company_idx` ON `representative_invite` (`company_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `representative_invite_invited_by_idx` ON `representative_invite` (`invited_by`);--> statement-breakpoint
CREATE INDEX `representative_invite_accepted_by_idx` ON `representative_invite` (`accepted_by`);--> statement-breakpoint
ALTER TABLE `company_representative` ADD `role` text DEFAULT 'manager' NOT NULL;--> statement-breakpoint
ALTER TABLE `company_representative` ADD `alerts` text DEFAULT 'each' NOT NULL;--> statement-breakpoint
ALTER TABLE `company_representative` ADD `last_digest_at` integer;--> statement-breakpoint
ALTER TABLE `company_representative` ADD `alert_key` text;--> statement-breakpoint
CREATE INDEX `report_company_source_created_idx` ON `report` (`company_id`,`source`,`created_at`,`id`);