// From zod's issue tree to one report per problem, at the most precise place: a union is
// explained by the branch the author evidently meant, and each unknown key is reported at the key.
import type { z } from 'zod';
import { closestId } from '../sim/vocabulary.ts';
import { describeValue, expectedName } from './describeValue.ts';
import { clip, type Path } from './errors.ts';
import type { KnownKeys } from './issueMessages.ts';
import { FORBIDDEN_KEYS } from './limits.ts';

export interface IssueReport {
  path: Path;
  message: string;
  /** Point at the key rather than its value (unknown keys). */
  atKey?: boolean;
  /** Text inside the value to point at (e.g. the `<script>` inside a briefing). */
  find?: string;
}

export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const segment of path) {
    if (typeof v !== 'object' || v === null || !Object.prototype.hasOwnProperty.call(v, segment)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[segment];
  }
  return v;
}

type Issue = z.core.$ZodIssue;

/** A branch that failed only because the value has another type is not the one the author meant. */
const wrongType = (branch: Issue[]) => branch.length === 1 && branch[0].path.length === 0 && branch[0].code === 'invalid_type';

/** The branch the author evidently meant: the one that got furthest into the value, then fewest issues. */
const distance = (branch: Issue[]) => branch.filter((i) => i.path.length === 0).length * 1000 + branch.length;

export function issueReports(issues: readonly Issue[], data: unknown, knownKeys: KnownKeys, base: Path = []): IssueReport[] {
  const out: IssueReport[] = [];
  for (const issue of issues) {
    const path = [...base, ...(issue.path as Path)];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const meant = issue.errors.filter((b) => !wrongType(b));
      if (meant.length === 0) {
        const expected = [...new Set(issue.errors.map((b) => expectedName((b[0] as { expected?: string }).expected ?? '?')))];
        out.push({ path, message: `must be ${expected.join(' or ')}, got ${describeValue(valueAt(data, path))}` });
      } else {
        const best = meant.reduce((a, b) => (distance(b) < distance(a) ? b : a));
        out.push(...issueReports(best, data, knownKeys, path));
      }
    } else if (issue.code === 'unrecognized_keys') {
      const known = knownKeys.get(valueAt(data, path) as object);
      for (const key of issue.keys) {
        if (FORBIDDEN_KEYS.includes(key)) continue; // reported by the YAML reader
        const hint = known ? closestId(key, known) : undefined;
        const message =
          `unknown key "${clip(key)}"` + (hint ? ` — did you mean "${hint}"?` : '.') + (known ? ` Keys here: ${known.join(', ')}` : '');
        out.push({ path: [...path, key], message, atKey: true });
      }
    } else {
      const find = issue.code === 'custom' ? (issue.params as { find?: string } | undefined)?.find : undefined;
      out.push({ path, message: issue.message, ...(find ? { find } : {}) });
    }
  }
  return out;
}
