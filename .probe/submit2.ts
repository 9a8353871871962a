import { openDatabase } from '../src/lib/server/db/client';
import { createReport } from '../src/lib/server/reports/reports';
import { reportInput } from '../src/lib/server/testing/factories';
const db = openDatabase(process.argv[2]!);
const author = db.$client.prepare('select id from user limit 1').pluck().get() as string;
const input = reportInput({ company: 'First Harbor Bank' });
for (const group of [1, 2, 5, 10, 20, 30, 50, 10]) {
	const start = performance.now();
	for (let i = 0; i < 1000 / group; i++)
		db.transaction((tx) => {
			for (let j = 0; j < group; j++) createReport(tx as never, input, author);
		});
	console.log('group', group, 'per report ms', ((performance.now() - start) / 1000).toFixed(3));
}
