/** Where an imported narrative is prepared for storage: the one call point for personal-data redaction. */
import { renderPlainText } from '../markdown';

/** Takes a narrative as published and returns it with personal data removed. */
export type Redactor = (text: string) => string;

/**
 * Until personal-data redaction exists (a later issue), narratives are kept as the CFPB
 * published them: already scrubbed there ("XXXX", "{$200.00}").
 */
export const keepAsPublished: Redactor = (text) => text;

/**
 * The narrative of an imported record, as stored and as shown. Every importer calls this and
 * nothing else, so that redaction, once written, is passed here (or becomes the default) and
 * runs on every imported narrative. CFPB narratives are plain text, not Markdown: they are
 * escaped, never interpreted.
 */
export function prepareImportedNarrative(
	raw: string,
	redact: Redactor = keepAsPublished
): { narrative: string; narrativeHtml: string } {
	const narrative = redact(raw.trim());
	return { narrative, narrativeHtml: renderPlainText(narrative) };
}
