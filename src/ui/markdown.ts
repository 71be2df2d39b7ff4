// Scenario text (briefing, debrief, hints) is data written by someone else: it is rendered by
// markdown-it with raw HTML switched off, so `<img onerror=…>` comes out as visible text, and
// markdown-it's own link check drops javascript:, vbscript: and data: URLs.
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

// Links open in a new tab and never hand this page to the target.
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet('target', '_blank');
  tokens[idx].attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Markdown → HTML in which every tag was produced by markdown-it itself (input HTML is escaped). */
export function renderMarkdown(text: string): string {
  return md.render(text);
}

/** The first paragraph as plain text, one line (a card clamps it). */
export function firstParagraphPlain(text: string): string {
  const tokens = md.parse(text, {});
  const inline = tokens.find((t) => t.type === 'inline');
  if (!inline?.children) return '';
  let out = '';
  for (const child of inline.children) {
    if (child.type === 'softbreak' || child.type === 'hardbreak') out += ' ';
    else if (child.type === 'text' || child.type === 'code_inline') out += child.content;
  }
  return out.replace(/\s+/g, ' ').trim();
}
