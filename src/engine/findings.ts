// Rule: an author's finding is matched by the kind of action and the fields its matcher lists;
// a field left out matches anything, a filter matches when the action keeps at least one listed
// value of every listed dimension, a window when the action's days overlap it.
import type { Action } from '../scenario/actions.ts';
import type { Finding } from '../scenario/findings.ts';

type Filter = Record<string, readonly (string | number)[] | undefined> | undefined;

const filterMatches = (want: Filter, got: Filter) =>
  Object.entries(want ?? {}).every(([d, values]) => (got?.[d] ?? []).some((v) => (values ?? []).map(String).includes(String(v))));
const overlaps = (want?: readonly [number, number], got?: readonly [number, number]) =>
  !want || !got || (got[0] <= want[1] && want[0] <= got[1]);

export function matchesFinding(f: Finding, a: Action): boolean {
  const m = f.revealedBy;
  if (m.type !== a.type) return false;
  switch (m.type) {
    case 'query': {
      const q = a as Extract<Action, { type: 'query' }>;
      const groupBy = q.groupBy ?? (q.byDay ? 'day' : undefined);
      return (!m.metric || m.metric === q.metric) && (!m.groupBy || m.groupBy === groupBy) && filterMatches(m.filter, q.filter) && overlaps(m.window, q.window);
    }
    case 'inspect': {
      const i = a as Extract<Action, { type: 'inspect' }>;
      return (!m.view || m.view === i.view) && (!m.component || m.component === i.component) && (!m.feature || m.feature === i.feature) && filterMatches(m.filter, i.filter) && overlaps(m.window, i.window);
    }
    case 'contrast': {
      const c = a as Extract<Action, { type: 'contrast' }>;
      return (!m.metric || m.metric === (c.metric ?? 'relevance')) && filterMatches(m.filter, c.selection.filter) && overlaps(m.window, c.selection.window);
    }
    case 'changelog':
      return true;
  }
}
