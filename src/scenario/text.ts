// Scenario text is plain markdown, rendered safely: raw HTML (a <script>, an <img onerror>, an
// <iframe>) and script links are validation errors, not something the renderer has to strip.
import { z } from 'zod';
import { TEXT_LIMITS } from './limits.ts';

/** An HTML tag or comment: `<name …>`, `</name>`, `<!-- … -->`. `a < b` and `<https://…>` pass. */
const HTML = /<!--|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/;
/** A link whose target would run code or embed content instead of navigating. */
const SCRIPT_LINK = /\]\(\s*<?\s*((?:javascript|vbscript|data|file)\s*:)/i;

function safeText(field: string, max: number) {
  return z
    .string()
    .max(max, { error: `must be at most ${max} characters long` })
    .superRefine((text, ctx) => {
      const tag = HTML.exec(text);
      if (tag) {
        const shown = tag[0].length > 30 ? tag[0].slice(0, 30) + '…' : tag[0];
        ctx.addIssue({
          code: 'custom',
          message: `raw HTML (${shown}) is not allowed in ${field}; scenario text is rendered as plain markdown`,
          params: { find: tag[0] },
        });
      }
      const link = SCRIPT_LINK.exec(text);
      if (link) {
        ctx.addIssue({
          code: 'custom',
          message: `a "${link[1].replace(/\s/g, '')}" link is not allowed in ${field}; links must be http(s) or mailto`,
          params: { find: link[1] },
        });
      }
    });
}

/** A paragraph or more of markdown (briefing, debrief, hints, findings). */
export const markdown = (field: string, description: string) =>
  safeText(field, TEXT_LIMITS.markdown).min(1, { error: 'must not be empty' }).describe(description);

/** One line of plain text (title, timeline entries). */
export const line = (field: string, description: string, max: number = TEXT_LIMITS.line) =>
  safeText(field, max)
    .min(1, { error: 'must not be empty' })
    .regex(/^[^\n]*$/, { error: 'must be a single line' })
    .describe(description);
