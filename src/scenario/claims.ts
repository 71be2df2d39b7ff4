// A briefing's numbers as checkable statements (`claims:`): what the interviewer says, the query
// that measures it, the change it states and how far the world may stray from it. This file
// checks their form; `faultline test` and the studio check them against the world
// (src/engine/claims.ts).
import { z } from 'zod';
import { SIZE_LIMITS } from '../sim/config.ts';
import { metricId } from './ids.ts';
import { segmentSchema } from './segment.ts';
import { line } from './text.ts';
import { describeValue } from './describeValue.ts';
import { readDays } from './window.ts';

/** A stretch of days, [first, last] inclusive. */
export type Days = [number, number];

/** `8:14` (days 8 to 14), or one day: `6`. */
const period = z
  .union([z.string(), z.number()], { error: (iss) => `must be days like 8:14 (or one day, 6), got ${describeValue(iss.input)}` })
  .transform((value, ctx): Days => {
    const days = readDays(String(value));
    if (!days) {
      ctx.addIssue({ code: 'custom', message: `must be days like 8:14 (or one day, 6), got ${describeValue(value)}` });
      return z.NEVER;
    }
    const [first, last] = days;
    if (first < 1 || last > SIZE_LIMITS.days.max) {
      ctx.addIssue({ code: 'custom', message: `days run from 1 to ${SIZE_LIMITS.days.max}, got ${describeValue(value)}` });
      return z.NEVER;
    }
    if (first > last) {
      ctx.addIssue({ code: 'custom', message: `the first day must not come after the last, got ${describeValue(value)}` });
      return z.NEVER;
    }
    return [first, last];
  })
  .describe('Days: first:last (inclusive), e.g. 8:14, or one day, e.g. 6');

const PERCENT = /^\s*([+\-−]?)\s*(\d+(?:\.\d+)?)\s*%\s*$/;

/** A percentage as people write it: `-13%`, `+2.5%`, `0%`. */
const percent = (what: string, signed: boolean) =>
  z
    .union([z.string(), z.number()], { error: (iss) => `must be a percentage like ${signed ? '-13% or +2.5%' : '2%'}, got ${describeValue(iss.input)}` })
    .transform((value, ctx) => {
      const m = typeof value === 'string' ? PERCENT.exec(value) : null;
      if (!m || (!signed && m[1])) {
        const hint = typeof value === 'number' ? ` (write it with a percent sign: ${value}%)` : '';
        ctx.addIssue({ code: 'custom', message: `must be a percentage like ${signed ? '-13% or +2.5%' : '2%'}, got ${describeValue(value)}${hint}` });
        return z.NEVER;
      }
      const size = Number(m[2]) / 100;
      return m[1] === '-' || m[1] === '−' ? -size : size;
    })
    .describe(what);

/** A value as the briefing writes it: `5.89%` (text) or `0.847` (YAML reads it as a number). */
const writtenValue = z
  .union([z.string().max(40), z.number()], { error: (iss) => `must be a value as the briefing writes it (5.89% or 0.847), got ${describeValue(iss.input)}` })
  .transform((v) => String(v));

/** The number a written value stands for ("5.89%" → 5.89, "0.810" → 0.81); NaN when it is none. */
export function writtenNumber(text: string): number {
  const m = /^\s*([+\-−]?\d+(?:\.\d+)?)\s*%?\s*$/.exec(text.replaceAll(',', ''));
  return m ? Number(m[1].replace('−', '-')) : NaN;
}

/** Whether two written values are the same number (0.81 and "0.810", "5.89%" and "5.89%"). */
export function sameWritten(a: string, b: string): boolean {
  const x = writtenNumber(a), y = writtenNumber(b);
  return Number.isNaN(x) || Number.isNaN(y) ? a.trim() === b.trim() : Math.abs(x - y) < 1e-9;
}

export const claimSchema = z
  .object({
    says: line('claim', 'What the briefing says, in its words (shown beside the check)'),
    metric: metricId('The metric the claim is about'),
    filter: segmentSchema('Only rows in this segment: dimension → values').optional(),
    compare: z
      .tuple([period, period], { error: (iss) => `must be two stretches of days, [before, after], e.g. [1:7, 8:14], got ${describeValue(iss.input)}` })
      .describe('[before, after]: the change is after against before, e.g. [1:7, 8:14]'),
    change: percent('The change the briefing states, after against before (e.g. -13%)', true),
    within: percent('How far the world may be from the stated change, in percentage points (e.g. 2%)', false),
    values: z
      .tuple([writtenValue, writtenValue], { error: (iss) => `must be the two values the briefing writes, [before, after], e.g. [5.89%, 5.57%], got ${describeValue(iss.input)}` })
      .optional()
      .describe('The before and after values exactly as the briefing writes them at the file\'s seed (rates as 5.89%, scores as 0.847)'),
  })
  .strict()
  .describe('A number of the briefing as a checkable statement');

export type Claim = z.output<typeof claimSchema>;
