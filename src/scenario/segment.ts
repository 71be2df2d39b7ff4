// A segment or filter: dimension → the values kept. Dimensions are vocabulary ids and each value
// is checked against its dimension, with "did you mean …" for a typo.
import { z } from 'zod';
import { DIMENSIONS, closestId, type Dimension } from '../sim/vocabulary.ts';
import { SIZE_LIMITS } from '../sim/config.ts';
import { valuesOf } from '../sim/query/dimensionValues.ts';
import { describeValue } from './describeValue.ts';
import { dimensionId } from './ids.ts';
import { whenMapping } from './guards.ts';

const value = z
  .union([z.string(), z.number().int()], { error: (iss) => `must be a value (text, or a day number), got ${describeValue(iss.input)}` })
  .describe('A value of the dimension (days may be written as numbers)');

/** Values of a dimension are checked here; days only up to the largest world (load checks world.days). */
export function segmentSchema(description: string) {
  return z
    .partialRecord(dimensionId('A dimension (slice key)'), z.array(value).min(1).describe('The values kept (at least one)'))
    .superRefine((segment, ctx) => {
      for (const [dimension, values] of Object.entries(segment ?? {})) {
        if (!(DIMENSIONS as readonly string[]).includes(dimension) || !Array.isArray(values)) continue;
        const valid = valuesOf(dimension as Dimension, SIZE_LIMITS.days.max);
        values.forEach((v, i) => {
          if (valid.includes(String(v))) return;
          const hint = typeof v === 'string' ? closestId(v, valid) : undefined;
          const list = valid.length <= 30 && dimension !== 'day' ? ` Valid values: ${valid.join(', ')}` : '';
          ctx.addIssue({
            code: 'custom',
            path: [dimension, i],
            message:
              dimension === 'day'
                ? `must be a day number, got ${describeValue(v)}`
                : `unknown ${dimension} value ${describeValue(v)}` + (hint ? ` — did you mean "${hint}"?` : '.') + list,
          });
        });
      }
    }, whenMapping)
    .describe(description);
}

export type Segment = Partial<Record<Dimension, (string | number)[]>>;
