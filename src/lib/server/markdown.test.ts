import { describe, expect, it } from 'vitest';
import { renderMarkdown, renderPlainText } from './markdown';

describe('renderMarkdown', () => {
	it('renders emphasis, lists and links, marking links as user content', () => {
		const html = renderMarkdown(
			'**22 calls**\n\n- one\n- two\n\n[board](https://puc.example/complaint)'
		);
		expect(html).toContain('<strong>22 calls</strong>');
		expect(html).toContain('<li>one</li>');
		expect(html).toContain(
			'<a href="https://puc.example/complaint" rel="nofollow ugc noopener noreferrer">board</a>'
		);
	});

	it.each([
		['<script>alert(1)</script>', /<script/i],
		['<img src=x onerror=alert(1)>', /<img/i],
		['[x](javascript:alert(1))', /javascript:/i],
		['[x](data:text/html;base64,PHNjcmlwdD4=)', /data:/i],
		['<a href="https://ok.example" onclick="alert(1)">x</a>', /onclick/i],
		['<iframe src="https://evil.example"></iframe>', /<iframe/i],
		['<svg onload=alert(1)>', /<svg/i]
	])('never lets %s through as markup', (input, forbidden) => {
		expect(renderMarkdown(input)).not.toMatch(forbidden);
	});

	it('shows raw HTML as text rather than dropping what the author wrote', () => {
		expect(renderMarkdown('I typed <b>bold</b>')).toContain('&lt;b&gt;bold&lt;/b&gt;');
	});

	it('demotes headings below the page headings', () => {
		expect(renderMarkdown('# Title').trim()).toBe('<h3>Title</h3>');
	});
});

describe('renderPlainText', () => {
	it('escapes everything and keeps paragraphs and line breaks', () => {
		expect(
			renderPlainText(
				'I paid {$200.00} on XX/XX/XXXX.\n* not a list\n\n<script>alert(1)</script> & "x"'
			)
		).toBe(
			'<p>I paid {$200.00} on XX/XX/XXXX.<br>* not a list</p>\n<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;</p>'
		);
		expect(renderPlainText('')).toBe('');
	});
});
