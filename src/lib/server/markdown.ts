/** Markdown to safe HTML: marked renders, sanitize-html keeps only an allow-list of tags and URL schemes. */
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: true, async: false });

const sanitizeOptions: sanitizeHtml.IOptions = {
	allowedTags: [
		'p',
		'br',
		'strong',
		'em',
		'del',
		'code',
		'pre',
		'blockquote',
		'ul',
		'ol',
		'li',
		'a',
		'h3',
		'h4',
		'h5',
		'h6',
		'hr',
		'table',
		'thead',
		'tbody',
		'tr',
		'th',
		'td'
	],
	allowedAttributes: { a: ['href', 'rel'], ol: ['start'], th: ['align'], td: ['align'] },
	allowedSchemes: ['http', 'https', 'mailto'],
	allowProtocolRelative: false,
	disallowedTagsMode: 'escape',
	transformTags: {
		// A report's headings sit below the page's own h1/h2.
		h1: 'h3',
		h2: 'h3',
		a: (tagName, attribs) => ({
			tagName,
			attribs: { ...attribs, rel: 'nofollow ugc noopener noreferrer' }
		})
	}
};

/** Renders user Markdown to HTML that is safe to print with {@html}. */
export function renderMarkdown(markdown: string): string {
	const html = marked.parse(markdown) as string;
	return sanitizeHtml(html, sanitizeOptions);
}

const htmlEscapes: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/**
 * Plain text (an imported record, not Markdown) to safe HTML: every character escaped, blank
 * lines as paragraphs, single line breaks kept. "*" or "1." in a CFPB narrative stay as written.
 */
export function renderPlainText(text: string): string {
	return text
		.trim()
		.split(/\r?\n\s*\r?\n/)
		.filter((p) => p.trim())
		.map(
			(p) =>
				`<p>${p
					.trim()
					.replace(/[&<>"']/g, (c) => htmlEscapes[c]!)
					.replace(/\r?\n/g, '<br>')}</p>`
		)
		.join('\n');
}
