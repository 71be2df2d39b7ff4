// Scenario markdown renders safely: raw HTML is escaped, script links are not links.
import { describe, expect, it } from 'vitest';
import { firstParagraphPlain, renderMarkdown } from './markdown.ts';

describe('renderMarkdown', () => {
  it('escapes raw HTML instead of interpreting it', () => {
    const html = renderMarkdown('Hi <img src=x onerror="alert(1)"> <script>alert(2)</script>');
    expect(html).not.toMatch(/<img|<script/);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });

  it('drops javascript: and data: links, keeps http links (opening in a new tab)', () => {
    expect(renderMarkdown('[a](javascript:alert(1)) [b](javascript&#58;alert(1)) [c](data:text/html,x)')).not.toMatch(/<a /);
    expect(renderMarkdown('[docs](https://example.org)')).toContain('<a href="https://example.org" target="_blank" rel="noopener noreferrer">');
  });

  it('renders ordinary markdown', () => {
    expect(renderMarkdown('**bold** and `code`')).toBe('<p><strong>bold</strong> and <code>code</code></p>\n');
  });
});

describe('firstParagraphPlain', () => {
  it('is the first paragraph without markup, on one line', () => {
    expect(firstParagraphPlain('Relevance for **new users**\nfell `15%`.\n\nSecond paragraph.')).toBe('Relevance for new users fell 15%.');
  });
});
