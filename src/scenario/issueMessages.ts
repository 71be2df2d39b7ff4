// Zod's issues in an author's words: "must be at most 1, got 1.5", "is required: …",
// "unknown key "rat" — did you mean "rate"?". Schemas with their own wording (vocabulary ids,
// world sizes) keep it; this map words everything else.
import { z } from 'zod';
import { closestId } from '../sim/vocabulary.ts';
import { describeValue, expectedName } from './describeValue.ts';
import { clip } from './errors.ts';

/** Valid keys of the mapping each unknown-key issue was raised on, looked up by that mapping. */
export type KnownKeys = WeakMap<object, string[]>;

export function knownKeysOf(inst: unknown): string[] | undefined {
  if (inst instanceof z.ZodObject) return Object.keys(inst.shape);
  if (inst instanceof z.ZodRecord && inst.keyType instanceof z.ZodEnum) return inst.keyType.options.map(String);
  return undefined;
}

function descriptionOf(inst: unknown): string | undefined {
  const d = inst instanceof z.ZodType ? inst.description : undefined;
  return d ? d.charAt(0).toLowerCase() + d.slice(1) : undefined;
}

function sizeMessage(iss: { origin?: string; input?: unknown }, bound: number | bigint, inclusive: boolean | undefined, big: boolean): string {
  const n = Number(bound);
  const input = iss.input;
  if (iss.origin === 'array' || iss.origin === 'set') {
    const got = Array.isArray(input) ? `, got ${input.length}` : '';
    if (!big && n === 1) return 'must not be empty';
    return `must have ${big ? 'at most' : 'at least'} ${n} ${n === 1 ? 'entry' : 'entries'}${got}`;
  }
  if (iss.origin === 'string') {
    if (!big && n === 1) return 'must not be empty';
    return `must be ${big ? 'at most' : 'at least'} ${n} characters long`;
  }
  const relation = big ? (inclusive ? 'at most' : 'below') : inclusive ? 'at least' : 'above';
  return `must be ${relation} ${n}, got ${describeValue(input)}`;
}

export function scenarioErrorMap(knownKeys: KnownKeys): z.core.$ZodErrorMap {
  return (iss) => {
    switch (iss.code) {
      case 'unrecognized_keys': {
        const known = knownKeysOf(iss.inst);
        if (known && typeof iss.input === 'object' && iss.input !== null) knownKeys.set(iss.input, known);
        return `unknown key${iss.keys.length > 1 ? 's' : ''} ${iss.keys.slice(0, 5).map((k) => `"${clip(k)}"`).join(', ')}${iss.keys.length > 5 ? ` and ${iss.keys.length - 5} more` : ''}`;
      }
      case 'invalid_type': {
        if (iss.input === undefined) {
          const d = descriptionOf(iss.inst);
          return `is required${d ? ': ' + d : ''}`;
        }
        const expected = iss.inst instanceof z.ZodNumber && iss.inst.isInt ? 'int' : iss.expected;
        return `must be ${expectedName(expected)}, got ${describeValue(iss.input)}`;
      }
      case 'invalid_value': {
        if (iss.input === undefined) {
          const d = descriptionOf(iss.inst);
          return `is required${d ? ': ' + d : ''}`;
        }
        const values = iss.values.map(String);
        if (values.length === 1) return `must be ${JSON.stringify(iss.values[0])}, got ${describeValue(iss.input)}`;
        if (typeof iss.input !== 'string') return `must be one of ${values.join(', ')}; got ${describeValue(iss.input)}`;
        const hint = closestId(iss.input, values);
        return (
          `unknown value ${describeValue(iss.input)}` +
          (hint ? ` — did you mean "${hint}"?` : '.') +
          (values.length <= 30 ? ` Valid values: ${values.join(', ')}` : '')
        );
      }
      case 'too_big':
        return sizeMessage(iss, iss.maximum, iss.inclusive, true);
      case 'too_small':
        return sizeMessage(iss, iss.minimum, iss.inclusive, false);
      case 'invalid_format':
        return `is not in the expected format (${iss.format})`;
      case 'not_multiple_of':
        return `must be a multiple of ${Number(iss.divisor)}`;
      case 'invalid_union':
        return `does not match any allowed form, got ${describeValue(iss.input)}`;
      default:
        return undefined;
    }
  };
}
