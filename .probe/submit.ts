import { openDatabase } from '../src/lib/server/db/client';
import { createReport } from '../src/lib/server/reports/reports';
import { reportInput } from '../src/lib/server/testing/factories';
const db = openDatabase(process.argv[2]!);
const sqlite = db.$client;
const author = sqlite.prepare('select id from user limit 1').pluck().get() as string;
const mode = process.argv[3] ?? '';
if (mode === 'nofts') sqlite.exec('drop trigger report_fts_after_insert');
if (mode === 'nolog') {
	sqlite.exec('drop trigger report_change_insert');
	sqlite.exec('drop trigger report_change_channel_insert');
	sqlite.exec('drop trigger report_change_escalation_insert');
}
if (mode.startsWith('automerge'))
	sqlite
		.prepare("insert into report_fts(report_fts, rank) values('automerge', ?)")
		.run(Number(mode.slice(9)));
if (mode.startsWith('usermerge'))
	sqlite
		.prepare("insert into report_fts(report_fts, rank) values('usermerge', ?)")
		.run(Number(mode.slice(9)));
const input = reportInput({ company: 'First Harbor Bank' });
for (let round = 0; round < 3; round++) {
	const start = performance.now();
	for (let i = 0; i < 1000; i++) createReport(db, input, author);
	console.log(mode, 'per report ms', ((performance.now() - start) / 1000).toFixed(3));
}
