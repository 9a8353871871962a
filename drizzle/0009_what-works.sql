-- "What works" figures (decision 025): histograms per scope (all, company, pattern, industry,
-- country, industry and country) of Recourse's own cases, written as rebuildRollups
-- (src/lib/server/reports/what-works.ts, worksRebuildSql) writes them; no table changes, one trigger widened.
-- The facet index re-reads a report when report_change logs it: an edit of only its country,
-- region or what resolved it must be logged too (explore filters on them).
DROP TRIGGER IF EXISTS `report_change_update`;--> statement-breakpoint
CREATE TRIGGER `report_change_update` AFTER UPDATE OF `company_id`, `title`, `product`, `category`, `trigger`, `outcome`, `rating`, `narrative`, `language`, `source`, `started_on`, `hidden_at`, `created_at`, `country`, `region`, `resolved_by` ON `report` BEGIN
	INSERT INTO `report_change` (`report_id`) VALUES (new.`id`);
END;--> statement-breakpoint
DELETE FROM `rollup` WHERE `dimension` LIKE 'works_%';--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'all', 'works_cases', '', count(*)
from report r join company c on c.id = r.company_id 
where r.hidden_at is null and r.source = 'recourse' and (1) and (1)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'all', 'works_resolved', '', count(*)
from report r join company c on c.id = r.company_id 
where r.hidden_at is null and r.source = 'recourse' and (1) and (r.outcome = 'resolved')
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'all', 'works_unescalated', '', count(*)
from report r join company c on c.id = r.company_id 
where r.hidden_at is null and r.source = 'recourse' and (1) and (r.outcome = 'resolved' and (r.resolved_by = 'company'
or (r.resolved_by is null and not (exists (select 1 from report_escalation x where x.report_id = r.id)
or exists (select 1 from report_event x where x.report_id = r.id and x.kind = 'escalation'
and x.escalation_to is not null)))))
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'all', 'works_resolution_days', cast((case when cast(round(julianday(r.resolved_on) - julianday(r.started_on)) as integer) <= 730 then cast(round(julianday(r.resolved_on) - julianday(r.started_on)) as integer) else (cast(round(julianday(r.resolved_on) - julianday(r.started_on)) as integer) / 30) * 30 end) as text), count(*)
from report r join company c on c.id = r.company_id 
where r.hidden_at is null and r.source = 'recourse' and (1) and (r.outcome = 'resolved' and r.resolved_on is not null and r.resolved_on >= r.started_on)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'all', 'works_escalated', e.escalation, count(*)
from report r join company c on c.id = r.company_id join (select report_id, escalation, min(on_date) as on_date from (
select report_id, escalation, null as on_date from report_escalation
union all
select report_id, escalation_to, occurred_on from report_event
where kind = 'escalation' and escalation_to is not null
) group by 1, 2) e on e.report_id = r.id
where r.hidden_at is null and r.source = 'recourse' and (1) and (1)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'all', 'works_escalated_resolved', e.escalation, count(*)
from report r join company c on c.id = r.company_id join (select report_id, escalation, min(on_date) as on_date from (
select report_id, escalation, null as on_date from report_escalation
union all
select report_id, escalation_to, occurred_on from report_event
where kind = 'escalation' and escalation_to is not null
) group by 1, 2) e on e.report_id = r.id
where r.hidden_at is null and r.source = 'recourse' and (1) and (r.outcome = 'resolved' and (e.on_date is null or r.resolved_on is null
or e.on_date <= r.resolved_on))
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'all', 'works_escalation_days', e.escalation || ':' || (case when cast(round(julianday(r.resolved_on) - julianday(e.on_date)) as integer) <= 730 then cast(round(julianday(r.resolved_on) - julianday(e.on_date)) as integer) else (cast(round(julianday(r.resolved_on) - julianday(e.on_date)) as integer) / 30) * 30 end), count(*)
from report r join company c on c.id = r.company_id join (select report_id, escalation, min(on_date) as on_date from (
select report_id, escalation, null as on_date from report_escalation
union all
select report_id, escalation_to, occurred_on from report_event
where kind = 'escalation' and escalation_to is not null
) group by 1, 2) e on e.report_id = r.id
where r.hidden_at is null and r.source = 'recourse' and (1) and (r.outcome = 'resolved' and (e.on_date is null or r.resolved_on is null
or e.on_date <= r.resolved_on) and e.on_date is not null and r.resolved_on is not null)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'all', 'works_responses', '', count(*)
from report r join company c on c.id = r.company_id join company_response x on x.report_id = r.id and x.hidden_at is null
where r.hidden_at is null and r.source = 'recourse' and (1) and (1)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'all', 'works_responses_failed', '', count(*)
from report r join company c on c.id = r.company_id join company_response x on x.report_id = r.id and x.hidden_at is null
where r.hidden_at is null and r.source = 'recourse' and (1) and (x.verdict = 'disputed' or (x.verdict is not null and r.outcome = 'unresolved'))
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'company:' || r.company_id, 'works_cases', '', count(*)
from report r join company c on c.id = r.company_id 
where r.hidden_at is null and r.source = 'recourse' and (1) and (1)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'company:' || r.company_id, 'works_resolved', '', count(*)
from report r join company c on c.id = r.company_id 
where r.hidden_at is null and r.source = 'recourse' and (1) and (r.outcome = 'resolved')
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'company:' || r.company_id, 'works_unescalated', '', count(*)
from report r join company c on c.id = r.company_id 
where r.hidden_at is null and r.source = 'recourse' and (1) and (r.outcome = 'resolved' and (r.resolved_by = 'company'
or (r.resolved_by is null and not (exists (select 1 from report_escalation x where x.report_id = r.id)
or exists (select 1 from report_event x where x.report_id = r.id and x.kind = 'escalation'
and x.escalation_to is not null)))))
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'company:' || r.company_id, 'works_resolution_days', cast((case when cast(round(julianday(r.resolved_on) - julianday(r.started_on)) as integer) <= 730 then cast(round(julianday(r.resolved_on) - julianday(r.started_on)) as integer) else (cast(round(julianday(r.resolved_on) - julianday(r.started_on)) as integer) / 30) * 30 end) as text), count(*)
from report r join company c on c.id = r.company_id 
where r.hidden_at is null and r.source = 'recourse' and (1) and (r.outcome = 'resolved' and r.resolved_on is not null and r.resolved_on >= r.started_on)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'company:' || r.company_id, 'works_escalated', e.escalation, count(*)
from report r join company c on c.id = r.company_id join (select report_id, escalation, min(on_date) as on_date from (
select report_id, escalation, null as on_date from report_escalation
union all
select report_id, escalation_to, occurred_on from report_event
where kind = 'escalation' and escalation_to is not null
) group by 1, 2) e on e.report_id = r.id
where r.hidden_at is null and r.source = 'recourse' and (1) and (1)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'company:' || r.company_id, 'works_escalated_resolved', e.escalation, count(*)
from report r join company c on c.id = r.company_id join (select report_id, escalation, min(on_date) as on_date from (
select report_id, escalation, null as on_date from report_escalation
union all
select report_id, escalation_to, occurred_on from report_event
where kind = 'escalation' and escalation_to is not null
) group by 1, 2) e on e.report_id = r.id
where r.hidden_at is null and r.source = 'recourse' and (1) and (r.outcome = 'resolved' and (e.on_date is null or r.resolved_on is null
or e.on_date <= r.resolved_on))
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'company:' || r.company_id, 'works_escalation_days', e.escalation || ':' || (case when cast(round(julianday(r.resolved_on) - julianday(e.on_date)) as integer) <= 730 then cast(round(julianday(r.resolved_on) - julianday(e.on_date)) as integer) else (cast(round(julianday(r.resolved_on) - julianday(e.on_date)) as integer) / 30) * 30 end), count(*)
from report r join company c on c.id = r.company_id join (select report_id, escalation, min(on_date) as on_date from (
select report_id, escalation, null as on_date from report_escalation
union all
select report_id, escalation_to, occurred_on from report_event
where kind = 'escalation' and escalation_to is not null
) group by 1, 2) e on e.report_id = r.id
where r.hidden_at is null and r.source = 'recourse' and (1) and (r.outcome = 'resolved' and (e.on_date is null or r.resolved_on is null
or e.on_date <= r.resolved_on) and e.on_date is not null and r.resolved_on is not null)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'company:' || r.company_id, 'works_responses', '', count(*)
from report r join company c on c.id = r.company_id join company_response x on x.report_id = r.id and x.hidden_at is null
where r.hidden_at is null and r.source = 'recourse' and (1) and (1)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'company:' || r.company_id, 'works_responses_failed', '', count(*)
from report r join company c on c.id = r.company_id join company_response x on x.report_id = r.id and x.hidden_at is null
where r.hidden_at is null and r.source = 'recourse' and (1) and (x.verdict = 'disputed' or (x.verdict is not null and r.outcome = 'unresolved'))
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'pattern:' || r.category || '-after-' || r."trigger", 'works_cases', '', count(*)
from report r join company c on c.id = r.company_id 
where r.hidden_at is null and r.source = 'recourse' and (r."trigger" is not null and r."trigger" <> 'none') and (1)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'pattern:' || r.category || '-after-' || r."trigger", 'works_resolved', '', count(*)
from report r join company c on c.id = r.company_id 
where r.hidden_at is null and r.source = 'recourse' and (r."trigger" is not null and r."trigger" <> 'none') and (r.outcome = 'resolved')
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'pattern:' || r.category || '-after-' || r."trigger", 'works_unescalated', '', count(*)
from report r join company c on c.id = r.company_id 
where r.hidden_at is null and r.source = 'recourse' and (r."trigger" is not null and r."trigger" <> 'none') and (r.outcome = 'resolved' and (r.resolved_by = 'company'
or (r.resolved_by is null and not (exists (select 1 from report_escalation x where x.report_id = r.id)
or exists (select 1 from report_event x where x.report_id = r.id and x.kind = 'escalation'
and x.escalation_to is not null)))))
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'pattern:' || r.category || '-after-' || r."trigger", 'works_resolution_days', cast((case when cast(round(julianday(r.resolved_on) - julianday(r.started_on)) as integer) <= 730 then cast(round(julianday(r.resolved_on) - julianday(r.started_on)) as integer) else (cast(round(julianday(r.resolved_on) - julianday(r.started_on)) as integer) / 30) * 30 end) as text), count(*)
from report r join company c on c.id = r.company_id 
where r.hidden_at is null and r.source = 'recourse' and (r."trigger" is not null and r."trigger" <> 'none') and (r.outcome = 'resolved' and r.resolved_on is not null and r.resolved_on >= r.started_on)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'pattern:' || r.category || '-after-' || r."trigger", 'works_escalated', e.escalation, count(*)
from report r join company c on c.id = r.company_id join (select report_id, escalation, min(on_date) as on_date from (
select report_id, escalation, null as on_date from report_escalation
union all
select report_id, escalation_to, occurred_on from report_event
where kind = 'escalation' and escalation_to is not null
) group by 1, 2) e on e.report_id = r.id
where r.hidden_at is null and r.source = 'recourse' and (r."trigger" is not null and r."trigger" <> 'none') and (1)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'pattern:' || r.category || '-after-' || r."trigger", 'works_escalated_resolved', e.escalation, count(*)
from report r join company c on c.id = r.company_id join (select report_id, escalation, min(on_date) as on_date from (
select report_id, escalation, null as on_date from report_escalation
union all
select report_id, escalation_to, occurred_on from report_event
where kind = 'escalation' and escalation_to is not null
) group by 1, 2) e on e.report_id = r.id
where r.hidden_at is null and r.source = 'recourse' and (r."trigger" is not null and r."trigger" <> 'none') and (r.outcome = 'resolved' and (e.on_date is null or r.resolved_on is null
or e.on_date <= r.resolved_on))
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'pattern:' || r.category || '-after-' || r."trigger", 'works_escalation_days', e.escalation || ':' || (case when cast(round(julianday(r.resolved_on) - julianday(e.on_date)) as integer) <= 730 then cast(round(julianday(r.resolved_on) - julianday(e.on_date)) as integer) else (cast(round(julianday(r.resolved_on) - julianday(e.on_date)) as integer) / 30) * 30 end), count(*)
from report r join company c on c.id = r.company_id join (select report_id, escalation, min(on_date) as on_date from (
select report_id, escalation, null as on_date from report_escalation
union all
select report_id, escalation_to, occurred_on from report_event
where kind = 'escalation' and escalation_to is not null
) group by 1, 2) e on e.report_id = r.id
where r.hidden_at is null and r.source = 'recourse' and (r."trigger" is not null and r."trigger" <> 'none') and (r.outcome = 'resolved' and (e.on_date is null or r.resolved_on is null
or e.on_date <= r.resolved_on) and e.on_date is not null and r.resolved_on is not null)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'pattern:' || r.category || '-after-' || r."trigger", 'works_responses', '', count(*)
from report r join company c on c.id = r.company_id join company_response x on x.report_id = r.id and x.hidden_at is null
where r.hidden_at is null and r.source = 'recourse' and (r."trigger" is not null and r."trigger" <> 'none') and (1)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'pattern:' || r.category || '-after-' || r."trigger", 'works_responses_failed', '', count(*)
from report r join company c on c.id = r.company_id join company_response x on x.report_id = r.id and x.hidden_at is null
where r.hidden_at is null and r.source = 'recourse' and (r."trigger" is not null and r."trigger" <> 'none') and (x.verdict = 'disputed' or (x.verdict is not null and r.outcome = 'unresolved'))
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'industry:' || c.industry, 'works_cases', '', count(*)
from report r join company c on c.id = r.company_id 
where r.hidden_at is null and r.source = 'recourse' and (c.industry is not null) and (1)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'industry:' || c.industry, 'works_resolved', '', count(*)
from report r join company c on c.id = r.company_id 
where r.hidden_at is null and r.source = 'recourse' and (c.industry is not null) and (r.outcome = 'resolved')
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'industry:' || c.industry, 'works_unescalated', '', count(*)
from report r join company c on c.id = r.company_id 
where r.hidden_at is null and r.source = 'recourse' and (c.industry is not null) and (r.outcome = 'resolved' and (r.resolved_by = 'company'
or (r.resolved_by is null and not (exists (select 1 from report_escalation x where x.report_id = r.id)
or exists (select 1 from report_event x where x.report_id = r.id and x.kind = 'escalation'
and x.escalation_to is not null)))))
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'industry:' || c.industry, 'works_resolution_days', cast((case when cast(round(julianday(r.resolved_on) - julianday(r.started_on)) as integer) <= 730 then cast(round(julianday(r.resolved_on) - julianday(r.started_on)) as integer) else (cast(round(julianday(r.resolved_on) - julianday(r.started_on)) as integer) / 30) * 30 end) as text), count(*)
from report r join company c on c.id = r.company_id 
where r.hidden_at is null and r.source = 'recourse' and (c.industry is not null) and (r.outcome = 'resolved' and r.resolved_on is not null and r.resolved_on >= r.started_on)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'industry:' || c.industry, 'works_escalated', e.escalation, count(*)
from report r join company c on c.id = r.company_id join (select report_id, escalation, min(on_date) as on_date from (
select report_id, escalation, null as on_date from report_escalation
union all
select report_id, escalation_to, occurred_on from report_event
where kind = 'escalation' and escalation_to is not null
) group by 1, 2) e on e.report_id = r.id
where r.hidden_at is null and r.source = 'recourse' and (c.industry is not null) and (1)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'industry:' || c.industry, 'works_escalated_resolved', e.escalation, count(*)
from report r join company c on c.id = r.company_id join (select report_id, escalation, min(on_date) as on_date from (
select report_id, escalation, null as on_date from report_escalation
union all
select report_id, escalation_to, occurred_on from report_event
where kind = 'escalation' and escalation_to is not null
) group by 1, 2) e on e.report_id = r.id
where r.hidden_at is null and r.source = 'recourse' and (c.industry is not null) and (r.outcome = 'resolved' and (e.on_date is null or r.resolved_on is null
or e.on_date <= r.resolved_on))
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'industry:' || c.industry, 'works_escalation_days', e.escalation || ':' || (case when cast(round(julianday(r.resolved_on) - julianday(e.on_date)) as integer) <= 730 then cast(round(julianday(r.resolved_on) - julianday(e.on_date)) as integer) else (cast(round(julianday(r.resolved_on) - julianday(e.on_date)) as integer) / 30) * 30 end), count(*)
from report r join company c on c.id = r.company_id join (select report_id, escalation, min(on_date) as on_date from (
select report_id, escalation, null as on_date from report_escalation
union all
select report_id, escalation_to, occurred_on from report_event
where kind = 'escalation' and escalation_to is not null
) group by 1, 2) e on e.report_id = r.id
where r.hidden_at is null and r.source = 'recourse' and (c.industry is not null) and (r.outcome = 'resolved' and (e.on_date is null or r.resolved_on is null
or e.on_date <= r.resolved_on) and e.on_date is not null and r.resolved_on is not null)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'industry:' || c.industry, 'works_responses', '', count(*)
from report r join company c on c.id = r.company_id join company_response x on x.report_id = r.id and x.hidden_at is null
where r.hidden_at is null and r.source = 'recourse' and (c.industry is not null) and (1)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'industry:' || c.industry, 'works_responses_failed', '', count(*)
from report r join company c on c.id = r.company_id join company_response x on x.report_id = r.id and x.hidden_at is null
where r.hidden_at is null and r.source = 'recourse' and (c.industry is not null) and (x.verdict = 'disputed' or (x.verdict is not null and r.outcome = 'unresolved'))
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'country:' || r.country, 'works_cases', '', count(*)
from report r join company c on c.id = r.company_id 
where r.hidden_at is null and r.source = 'recourse' and (r.country is not null) and (1)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'country:' || r.country, 'works_resolved', '', count(*)
from report r join company c on c.id = r.company_id 
where r.hidden_at is null and r.source = 'recourse' and (r.country is not null) and (r.outcome = 'resolved')
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'country:' || r.country, 'works_unescalated', '', count(*)
from report r join company c on c.id = r.company_id 
where r.hidden_at is null and r.source = 'recourse' and (r.country is not null) and (r.outcome = 'resolved' and (r.resolved_by = 'company'
or (r.resolved_by is null and not (exists (select 1 from report_escalation x where x.report_id = r.id)
or exists (select 1 from report_event x where x.report_id = r.id and x.kind = 'escalation'
and x.escalation_to is not null)))))
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'country:' || r.country, 'works_resolution_days', cast((case when cast(round(julianday(r.resolved_on) - julianday(r.started_on)) as integer) <= 730 then cast(round(julianday(r.resolved_on) - julianday(r.started_on)) as integer) else (cast(round(julianday(r.resolved_on) - julianday(r.started_on)) as integer) / 30) * 30 end) as text), count(*)
from report r join company c on c.id = r.company_id 
where r.hidden_at is null and r.source = 'recourse' and (r.country is not null) and (r.outcome = 'resolved' and r.resolved_on is not null and r.resolved_on >= r.started_on)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'country:' || r.country, 'works_escalated', e.escalation, count(*)
from report r join company c on c.id = r.company_id join (select report_id, escalation, min(on_date) as on_date from (
select report_id, escalation, null as on_date from report_escalation
union all
select report_id, escalation_to, occurred_on from report_event
where kind = 'escalation' and escalation_to is not null
) group by 1, 2) e on e.report_id = r.id
where r.hidden_at is null and r.source = 'recourse' and (r.country is not null) and (1)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'country:' || r.country, 'works_escalated_resolved', e.escalation, count(*)
from report r join company c on c.id = r.company_id join (select report_id, escalation, min(on_date) as on_date from (
select report_id, escalation, null as on_date from report_escalation
union all
select report_id, escalation_to, occurred_on from report_event
where kind = 'escalation' and escalation_to is not null
) group by 1, 2) e on e.report_id = r.id
where r.hidden_at is null and r.source = 'recourse' and (r.country is not null) and (r.outcome = 'resolved' and (e.on_date is null or r.resolved_on is null
or e.on_date <= r.resolved_on))
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'country:' || r.country, 'works_escalation_days', e.escalation || ':' || (case when cast(round(julianday(r.resolved_on) - julianday(e.on_date)) as integer) <= 730 then cast(round(julianday(r.resolved_on) - julianday(e.on_date)) as integer) else (cast(round(julianday(r.resolved_on) - julianday(e.on_date)) as integer) / 30) * 30 end), count(*)
from report r join company c on c.id = r.company_id join (select report_id, escalation, min(on_date) as on_date from (
select report_id, escalation, null as on_date from report_escalation
union all
select report_id, escalation_to, occurred_on from report_event
where kind = 'escalation' and escalation_to is not null
) group by 1, 2) e on e.report_id = r.id
where r.hidden_at is null and r.source = 'recourse' and (r.country is not null) and (r.outcome = 'resolved' and (e.on_date is null or r.resolved_on is null
or e.on_date <= r.resolved_on) and e.on_date is not null and r.resolved_on is not null)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'country:' || r.country, 'works_responses', '', count(*)
from report r join company c on c.id = r.company_id join company_response x on x.report_id = r.id and x.hidden_at is null
where r.hidden_at is null and r.source = 'recourse' and (r.country is not null) and (1)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'country:' || r.country, 'works_responses_failed', '', count(*)
from report r join company c on c.id = r.company_id join company_response x on x.report_id = r.id and x.hidden_at is null
where r.hidden_at is null and r.source = 'recourse' and (r.country is not null) and (x.verdict = 'disputed' or (x.verdict is not null and r.outcome = 'unresolved'))
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'industry-country:' || c.industry || ':' || r.country, 'works_cases', '', count(*)
from report r join company c on c.id = r.company_id 
where r.hidden_at is null and r.source = 'recourse' and (c.industry is not null and r.country is not null) and (1)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'industry-country:' || c.industry || ':' || r.country, 'works_resolved', '', count(*)
from report r join company c on c.id = r.company_id 
where r.hidden_at is null and r.source = 'recourse' and (c.industry is not null and r.country is not null) and (r.outcome = 'resolved')
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'industry-country:' || c.industry || ':' || r.country, 'works_unescalated', '', count(*)
from report r join company c on c.id = r.company_id 
where r.hidden_at is null and r.source = 'recourse' and (c.industry is not null and r.country is not null) and (r.outcome = 'resolved' and (r.resolved_by = 'company'
or (r.resolved_by is null and not (exists (select 1 from report_escalation x where x.report_id = r.id)
or exists (select 1 from report_event x where x.report_id = r.id and x.kind = 'escalation'
and x.escalation_to is not null)))))
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'industry-country:' || c.industry || ':' || r.country, 'works_resolution_days', cast((case when cast(round(julianday(r.resolved_on) - julianday(r.started_on)) as integer) <= 730 then cast(round(julianday(r.resolved_on) - julianday(r.started_on)) as integer) else (cast(round(julianday(r.resolved_on) - julianday(r.started_on)) as integer) / 30) * 30 end) as text), count(*)
from report r join company c on c.id = r.company_id 
where r.hidden_at is null and r.source = 'recourse' and (c.industry is not null and r.country is not null) and (r.outcome = 'resolved' and r.resolved_on is not null and r.resolved_on >= r.started_on)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'industry-country:' || c.industry || ':' || r.country, 'works_escalated', e.escalation, count(*)
from report r join company c on c.id = r.company_id join (select report_id, escalation, min(on_date) as on_date from (
select report_id, escalation, null as on_date from report_escalation
union all
select report_id, escalation_to, occurred_on from report_event
where kind = 'escalation' and escalation_to is not null
) group by 1, 2) e on e.report_id = r.id
where r.hidden_at is null and r.source = 'recourse' and (c.industry is not null and r.country is not null) and (1)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'industry-country:' || c.industry || ':' || r.country, 'works_escalated_resolved', e.escalation, count(*)
from report r join company c on c.id = r.company_id join (select report_id, escalation, min(on_date) as on_date from (
select report_id, escalation, null as on_date from report_escalation
union all
select report_id, escalation_to, occurred_on from report_event
where kind = 'escalation' and escalation_to is not null
) group by 1, 2) e on e.report_id = r.id
where r.hidden_at is null and r.source = 'recourse' and (c.industry is not null and r.country is not null) and (r.outcome = 'resolved' and (e.on_date is null or r.resolved_on is null
or e.on_date <= r.resolved_on))
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'industry-country:' || c.industry || ':' || r.country, 'works_escalation_days', e.escalation || ':' || (case when cast(round(julianday(r.resolved_on) - julianday(e.on_date)) as integer) <= 730 then cast(round(julianday(r.resolved_on) - julianday(e.on_date)) as integer) else (cast(round(julianday(r.resolved_on) - julianday(e.on_date)) as integer) / 30) * 30 end), count(*)
from report r join company c on c.id = r.company_id join (select report_id, escalation, min(on_date) as on_date from (
select report_id, escalation, null as on_date from report_escalation
union all
select report_id, escalation_to, occurred_on from report_event
where kind = 'escalation' and escalation_to is not null
) group by 1, 2) e on e.report_id = r.id
where r.hidden_at is null and r.source = 'recourse' and (c.industry is not null and r.country is not null) and (r.outcome = 'resolved' and (e.on_date is null or r.resolved_on is null
or e.on_date <= r.resolved_on) and e.on_date is not null and r.resolved_on is not null)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'industry-country:' || c.industry || ':' || r.country, 'works_responses', '', count(*)
from report r join company c on c.id = r.company_id join company_response x on x.report_id = r.id and x.hidden_at is null
where r.hidden_at is null and r.source = 'recourse' and (c.industry is not null and r.country is not null) and (1)
group by 1, 3;--> statement-breakpoint
insert into rollup (scope, dimension, key, n)
select 'industry-country:' || c.industry || ':' || r.country, 'works_responses_failed', '', count(*)
from report r join company c on c.id = r.company_id join company_response x on x.report_id = r.id and x.hidden_at is null
where r.hidden_at is null and r.source = 'recourse' and (c.industry is not null and r.country is not null) and (x.verdict = 'disputed' or (x.verdict is not null and r.outcome = 'unresolved'))
group by 1, 3;
