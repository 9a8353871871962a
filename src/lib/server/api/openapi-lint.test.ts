import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi';

type LintResult = {
	totals: { errors: number; warnings: number };
	problems: { ruleId: string; severity: string; message: string }[];
};

/** Redocly CLI's `lint` with its recommended rules, offline: no telemetry, no version check. */
async function redoclyLint(document: object): Promise<LintResult> {
	const dir = mkdtempSync(join(tmpdir(), 'recourse-openapi-'));
	try {
		const file = join(dir, 'openapi.json');
		writeFileSync(file, JSON.stringify(document, null, 2));
		const run = await promisify(execFile)(
			process.execPath,
			[
				'node_modules/@redocly/cli/bin/cli.js',
				'lint',
				file,
				'--extends',
				'recommended',
				'--format',
				'json'
			],
			{
				env: {
					...process.env,
					REDOCLY_TELEMETRY: 'off',
					REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
					CI: 'true'
				}
			}
		).catch((failure: { stdout?: string }) => ({ stdout: failure.stdout ?? '' }));
		return JSON.parse(run.stdout) as LintResult;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

describe('the OpenAPI document', () => {
	it('passes Redocly lint with the recommended rules', { timeout: 60_000 }, async () => {
		const result = await redoclyLint(openApiDocument('https://recourse.test'));
		// The licence of the data is not decided yet (info-license is a warning, not an error).
		expect(result.problems.filter((p) => p.ruleId !== 'info-license')).toEqual([]);
		expect(result.totals.errors).toBe(0);
	});
});
