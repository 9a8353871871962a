/** Where an imported narrative is prepared for storage: the one call point for personal-data redaction. */
import { renderPlainText } from '../markdown';
import { redactPersonalData } from '../privacy/redact';

/** Takes a narrative as published and returns it with personal data removed. */
export type Redactor = (text: string) => string;

/**
 * The same redaction as reports written here (`src/lib/server/privacy/redact.ts`): CFPB
 * narratives are already scrubbed ("XXXX", "{$200.00}"), but not always completely.
 */
export const redactNarrative: Redactor = (text) => redactPersonalData(text).text;

/**
 * The narrative of an imported record, as stored and as shown. Every importer calls this and
 * nothing else, so that personal-data redaction runs on every imported narrative. CFPB narratives are plain text, not Markdown: they are
 * escaped, never interpreted.
 */
export function prepareImportedNarrative(
	raw: string,
	redact: Redactor = redactNarrative
): { narrative: string; narrativeHtml: string } {
	const narrative = redact(raw.trim());
	return { narrative, narrativeHtml: renderPlainText(narrative) };
}
