ALTER TABLE `notification` DROP COLUMN `kind`;--> statement-breakpoint
ALTER TABLE `notification` DROP COLUMN `message`;