-- "What works" figures (decision 025): histograms per scope (all, company, pattern, industry,
-- country, industry and country) of Recourse's own cases, written as rebuildRollups
-- (src/lib/server/reports/what-works.ts, worksRebuildSql) writes them, through temporary tables; no table changes, one trigger widened.
-- The facet index re-reads a report when report_change logs it: an edit of only its country,
-- region or what resolved it must be logged too (explore filters on them).
DROP TRIGGER IF EXISTS `report_change_update`;--> statement-breakpoint
CREATE TRIGGER `report_change_update` AFTER UPDATE OF `company_id`, `title`, `product`, `category`, `trigger`, `outcome`, `rating`, `narrative`, `language`, `source`, `started_on`, `hidden_at`, `created_at`, `country`, `region`, `resolved_by` ON `report` BEGIN
	INSERT INTO `report_change` (`report_id`) VALUES (new.`id`);
END;--> statement-breakpoint
DELETE FROM `rollup` WHERE `dimension` LIKE 'works_%';--> statement-breakpoint
drop table if exists temp.works_case;--> statement-breakpoint
drop table if exists temp.works_escalation;--> statement-breakpoint
drop table if exists temp.works_scope;--> statement-breakpoint
create temp table works_case as
select r.id, r.company_id, c.industry, r.country, r.resolved_on,
case when r."trigger" is not null and r."trigger" <> 'none' then r.category || '-after-' || r."trigger" end as pattern,
r.outcome = 'resolved' as resolved,
r.outcome = 'resolved' and (r.resolved_by = 'company' or (r.resolved_by is null
and not exists (select 1 from report_escalation x where x.report_id = r.id)
and not exists (select 1 from report_event x where x.report_id = r.id
and x.kind = 'escalation' and x.escalation_to is not null))) as unescalated,
case when r.outcome = 'resolved' and r.resolved_on >= r.started_on
then (case when cast(round(julianday(r.resolved_on) - julianday(r.started_on)) as integer) <= 730 then cast(round(julianday(r.resolved_on) - julianday(r.started_on)) as integer) else (cast(round(julianday(r.resolved_on) - julianday(r.started_on)) as integer) / 30) * 30 end) end as days
from report r join company c on c.id = r.company_id
where r.hidden_at is null and r.source = 'recourse';--> statement-breakpoint
create temp table works_escalation as
select report_id, escalation, min(on_date) as on_date from (
select report_id, escalation, null as on_date from report_escalation
union all
select report_id, escalation_to, occurred_on from report_event
where kind = 'escalation' and escalation_to is not null
) group by 1, 2;--> statement-breakpoint
create index temp.works_case_id on works_case (id);--> statement-breakpoint
create index temp.works_escalation_report on works_escalation (report_id);--> statement-breakpoint
create temp table works_scope as
select id, 'all' as scope from works_case
union all select id, 'company:' || company_id from works_case
union all select id, 'pattern:' || pattern from works_case where pattern is not null
union all select id, 'industry:' || industry from works_case where industry is not null
union all select id, 'country:' || country from works_case where country is not null
union all select id, 'industry-country:' || industry || ':' || country from works_case
where industry is not null and country is not null;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select s.scope, 'works_cases', '', count(*)
from works_scope s join works_case k on k.id = s.id 
where 1
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select s.scope, 'works_resolved', '', count(*)
from works_scope s join works_case k on k.id = s.id 
where k.resolved
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select s.scope, 'works_unescalated', '', count(*)
from works_scope s join works_case k on k.id = s.id 
where k.unescalated
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select s.scope, 'works_resolution_days', cast(k.days as text), count(*)
from works_scope s join works_case k on k.id = s.id 
where k.days is not null
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select s.scope, 'works_escalated', e.escalation, count(*)
from works_scope s join works_case k on k.id = s.id join works_escalation e on e.report_id = k.id
where 1
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select s.scope, 'works_escalated_resolved', e.escalation, count(*)
from works_scope s join works_case k on k.id = s.id join works_escalation e on e.report_id = k.id
where k.resolved and (e.on_date is null or k.resolved_on is null
or e.on_date <= k.resolved_on)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select s.scope, 'works_escalation_days', e.escalation || ':' || (case when cast(round(julianday(k.resolved_on) - julianday(e.on_date)) as integer) <= 730 then cast(round(julianday(k.resolved_on) - julianday(e.on_date)) as integer) else (cast(round(julianday(k.resolved_on) - julianday(e.on_date)) as integer) / 30) * 30 end), count(*)
from works_scope s join works_case k on k.id = s.id join works_escalation e on e.report_id = k.id
where k.resolved and (e.on_date is null or k.resolved_on is null
or e.on_date <= k.resolved_on) and e.on_date is not null and k.resolved_on is not null
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select s.scope, 'works_responses', '', count(*)
from works_scope s join works_case k on k.id = s.id join company_response x on x.report_id = k.id and x.hidden_at is null
where 1
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select s.scope, 'works_responses_failed', '', count(*)
from works_scope s join works_case k on k.id = s.id join company_response x on x.report_id = k.id and x.hidden_at is null
join report r on r.id = k.id
where x.verdict = 'disputed' or (x.verdict is not null and r.outcome = 'unresolved')
group by 1, 3;--> statement-breakpoint
drop table temp.works_case;--> statement-breakpoint
drop table temp.works_escalation;--> statement-breakpoint
drop table temp.works_scope;
