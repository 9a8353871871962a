/**
 * Text that must stay on one line (a name, a title): line and paragraph separators, control
 * characters and runs of white space become one space, so that it cannot start a new line of a
 * mail or a page (issue 21: a company name with CR/LF printed as lines of its own in mail).
 */
export function oneLine(text: string): string {
	return text.replace(/[\s\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').trim();
}
