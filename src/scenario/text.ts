// Scenario text is plain markdown, rendered safely: raw HTML (a <script>, an <img onerror>, an
// <svg/onload>, an <iframe>) and any link whose scheme is not http, https or mailto are
// validation errors, not something the renderer has to strip. Links are found the way the app's
// renderer finds them (markdown-it: inline, reference, auto links and images alike).
import MarkdownIt from 'markdown-it';
import { z } from 'zod';
import { clip } from './errors.ts';
import { TEXT_LIMITS } from './limits.ts';

/** An HTML tag or comment: `<name …>`, `<name/…>`, `</name>`, `<!-- … -->`. `a < b` and `<https://…>` pass. */
const HTML = /<!--|<\/?[A-Za-z][A-Za-z0-9-]*(?:[\s/][^<>]*)?>/;
/** The schemes a link may use; a link without one (`#part`, `page`) is relative and harmless. */
const SAFE_SCHEMES = ['http', 'https', 'mailto'];

/** Link targets seen by the parser below (it refuses every one: only what it saw matters). */
let seen: string[] = [];
const finder = new MarkdownIt({ html: false, linkify: false });
finder.validateLink = (url) => {
  seen.push(url);
  return false;
};

/** Every link target in a markdown text, as the renderer would see it (entities decoded). */
function linkTargets(text: string): string[] {
  seen = [];
  finder.parse(text, {});
  return seen;
}

const schemeOf = (url: string) => /^\s*([a-z][a-z0-9+.-]*)\s*:/i.exec(url)?.[1].toLowerCase() ?? null;

function safeText(field: string, max: number) {
  return z
    .string()
    .max(max, { error: `must be at most ${max} characters long` })
    .superRefine((text, ctx) => {
      const tag = HTML.exec(text);
      if (tag) {
        const shown = clip(tag[0], 30);
        ctx.addIssue({
          code: 'custom',
          message: `raw HTML (${shown}) is not allowed in ${field}; scenario text is rendered as plain markdown`,
          params: { find: tag[0] },
        });
      }
      const unsafe = linkTargets(text).find((url) => {
        const scheme = schemeOf(url);
        return scheme !== null && !SAFE_SCHEMES.includes(scheme);
      });
      if (unsafe) {
        ctx.addIssue({
          code: 'custom',
          message: `a "${clip(schemeOf(unsafe)!)}:" link is not allowed in ${field}; links must be http(s) or mailto`,
          params: { find: unsafe.slice(0, schemeOf(unsafe)!.length) },
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
