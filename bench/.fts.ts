import Database from 'better-sqlite3';
const db = new Database('bench/.data/bench.db', { readonly: true });
const t = (label: string, f: () => unknown) => { const s = performance.now(); const r = f(); console.log(label, (performance.now() - s).toFixed(1), 'ms', typeof r === 'number' ? r : Array.isArray(r) ? r.length : ''); };
for (let k = 0; k < 2; k++) {
t('count refund', () => db.prepare(`select count(*) from report_fts where report_fts match '"refund"*'`).pluck().get());
t('rowids refund', () => db.prepare(`select rowid from report_fts where report_fts match '"refund"*'`).pluck().all());
t('rank top 21', () => db.prepare(`select rowid from report_fts where report_fts match '"refund"*' order by bm25(report_fts, 10.0, 4.0, 1.0) limit 21`).pluck().all());
t('rank builtin top 21', () => db.prepare(`select rowid from report_fts where report_fts match '"refund"*' order by rank limit 21`).pluck().all());
t('count billing', () => db.prepare(`select count(*) from report where category='billing-error'`).pluck().get());
t('facts scan', () => db.prepare(`select id, created_at, company_id, category, trigger, outcome, rating, language, source, started_on from report where hidden_at is null`).raw().all());
t('channels', () => db.prepare(`select report_id, channel from report_channel`).raw().all());
t('escalations', () => db.prepare(`select report_id, escalation from report_escalation`).raw().all());
}
