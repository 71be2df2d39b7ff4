// Scenario markdown, rendered safely (see markdown.ts: raw HTML is escaped, not interpreted).
import { useMemo } from 'react';
import { renderMarkdown } from '../markdown.ts';

export function Markdown({ text, className, testId }: { text: string; className?: string; testId?: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  // Safe: every tag in `html` comes from markdown-it with html:false (input HTML is escaped).
  return <div className={['markdown', className].filter(Boolean).join(' ')} data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />;
}
