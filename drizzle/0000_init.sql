CREATE TABLE `company` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`domain` text,
	`website` text,
	`industry` text,
	`report_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `company_slug_unique` ON `company` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `company_name_key_unique` ON `company` (`name_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `company_domain_unique` ON `company` (`domain`);--> statement-breakpoint
CREATE INDEX `company_report_count_idx` ON `company` (`report_count`,`id`);--> statement-breakpoint
CREATE INDEX `company_created_by_idx` ON `company` (`created_by`);--> statement-breakpoint
CREATE TABLE `pattern` (
	`slug` text PRIMARY KEY NOT NULL,
	`category` text NOT NULL,
	`trigger` text NOT NULL,
	`report_count` integer DEFAULT 0 NOT NULL,
	`company_count` integer DEFAULT 0 NOT NULL,
	`me_too_count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `pattern_report_count_idx` ON `pattern` (`report_count`);--> statement-breakpoint
CREATE TABLE `report` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`author_id` text,
	`title` text NOT NULL,
	`product` text NOT NULL,
	`category` text NOT NULL,
	`trigger` text,
	`started_on` text NOT NULL,
	`ended_on` text,
	`contacts` integer,
	`effort_minutes` integer,
	`agents` integer,
	`promises_broken` integer,
	`currency` text,
	`amount_disputed_minor` integer,
	`amount_recovered_minor` integer,
	`outcome` text NOT NULL,
	`rating` integer NOT NULL,
	`narrative` text NOT NULL,
	`narrative_html` text NOT NULL,
	`language` text NOT NULL,
	`me_too_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `company`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "report_rating_range" CHECK("report"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE INDEX `report_company_created_idx` ON `report` (`company_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `report_created_idx` ON `report` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `report_author_idx` ON `report` (`author_id`);--> statement-breakpoint
CREATE INDEX `report_category_trigger_idx` ON `report` (`category`,`trigger`,`created_at`);--> statement-breakpoint
CREATE TABLE `report_channel` (
	`report_id` integer NOT NULL,
	`channel` text NOT NULL,
	PRIMARY KEY(`report_id`, `channel`),
	FOREIGN KEY (`report_id`) REFERENCES `report`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `report_channel_channel_idx` ON `report_channel` (`channel`,`report_id`);--> statement-breakpoint
CREATE TABLE `report_escalation` (
	`report_id` integer NOT NULL,
	`escalation` text NOT NULL,
	PRIMARY KEY(`report_id`, `escalation`),
	FOREIGN KEY (`report_id`) REFERENCES `report`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `report_escalation_escalation_idx` ON `report_escalation` (`escalation`,`report_id`);--> statement-breakpoint
CREATE TABLE `report_me_too` (
	`report_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`report_id`, `user_id`),
	FOREIGN KEY (`report_id`) REFERENCES `report`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `report_me_too_user_idx` ON `report_me_too` (`user_id`);--> statement-breakpoint
CREATE TABLE `rollup` (
	`scope` text NOT NULL,
	`dimension` text NOT NULL,
	`key` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`scope`, `dimension`, `key`)
);
--> statement-breakpoint
CREATE TABLE `session` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `session_user_idx` ON `session` (`user_id`);--> statement-breakpoint
CREATE TABLE `user` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text DEFAULT 'user' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_email_unique` ON `user` (`email`);