CREATE TABLE `data_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`epoch` integer NOT NULL,
	CONSTRAINT "data_version_one_row" CHECK("data_version"."id" = 1)
);
--> statement-breakpoint
-- Hand-written (drizzle-kit does not manage triggers): one row, a random epoch per database.
INSERT INTO `data_version` (`id`, `version`, `epoch`) VALUES (1, 0, abs(random() % 9007199254740991));
--> statement-breakpoint
-- Every write to what public pages show bumps the version, whoever writes. A report's insert
-- and delete (and its channels and escalations) are counted by report_change's seq instead.
CREATE TRIGGER `data_version_report_update` AFTER UPDATE ON `report` BEGIN
	UPDATE `data_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_company_insert` AFTER INSERT ON `company` BEGIN
	UPDATE `data_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_company_update` AFTER UPDATE ON `company` BEGIN
	UPDATE `data_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_company_delete` AFTER DELETE ON `company` BEGIN
	UPDATE `data_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_pattern_insert` AFTER INSERT ON `pattern` BEGIN
	UPDATE `data_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_pattern_update` AFTER UPDATE ON `pattern` BEGIN
	UPDATE `data_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_pattern_delete` AFTER DELETE ON `pattern` BEGIN
	UPDATE `data_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_company_response_insert` AFTER INSERT ON `company_response` BEGIN
	UPDATE `data_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_company_response_update` AFTER UPDATE ON `company_response` BEGIN
	UPDATE `data_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_company_response_delete` AFTER DELETE ON `company_response` BEGIN
	UPDATE `data_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_company_representative_insert` AFTER INSERT ON `company_representative` BEGIN
	UPDATE `data_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_company_representative_update` AFTER UPDATE ON `company_representative` BEGIN
	UPDATE `data_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_company_representative_delete` AFTER DELETE ON `company_representative` BEGIN
	UPDATE `data_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_report_me_too_insert` AFTER INSERT ON `report_me_too` BEGIN
	UPDATE `data_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_report_me_too_delete` AFTER DELETE ON `report_me_too` BEGIN
	UPDATE `data_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_flag_insert` AFTER INSERT ON `flag` BEGIN
	UPDATE `data_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_flag_update` AFTER UPDATE ON `flag` BEGIN
	UPDATE `data_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_flag_delete` AFTER DELETE ON `flag` BEGIN
	UPDATE `data_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_user_update` AFTER UPDATE OF `display_name` ON `user` BEGIN
	UPDATE `data_version` SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_user_delete` AFTER DELETE ON `user` BEGIN
	UPDATE `data_version` SET `version` = `version` + 1;
END;
