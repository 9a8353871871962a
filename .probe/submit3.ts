import { openDatabase } from '../src/lib/server/db/client';
import { GroupCommit } from '../src/lib/server/db/group-commit';
import { createReport } from '../src/lib/server/reports/reports';
import { reportInput } from '../src/lib/server/testing/factories';
const db = openDatabase(process.argv[2]!);
const author = db.$client.prepare('select id from user limit 1').pluck().get() as string;
const input = reportInput({ company: 'First Harbor Bank' });
const group = new GroupCommit(db);
for (let round = 0; round < 3; round++) {
	const start = performance.now();
	for (let i = 0; i < 40; i++)
		await Promise.all(
			Array.from({ length: 25 }, () => group.run((tx) => createReport(tx, input, author)))
		);
	console.log(
		'burst 25: per report ms',
		((performance.now() - start) / 1000).toFixed(3),
		group.stats
	);
}
