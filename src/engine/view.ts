// Rule: what an action shows is computed from the factual world alone, exactly as the app draws
// it — a query's table (and, for totals over several days, the explorer's before/after halves),
// an inspector view, a contrast, the changelog. The twin never leaks into a display.
import { isQueryError } from '../sim/query/spec.ts';
import type { Action } from '../scenario/actions.ts';
import type { Scenario } from '../scenario/schema.ts';
import { MATCHER_TYPES } from '../scenario/findings.ts';
import { runQuery, type QueryResult } from '../sim/query/query.ts';
import { inspect, type InspectorResult } from '../sim/inspect/inspect.ts';
import { deployLog, type DeployEntry } from '../sim/changelog.ts';
import type { World } from '../sim/world/world.ts';
import { contrast, type ContrastResult } from './contrast.ts';
import { asFilter } from './filter.ts';
import { halvesOf } from './signals.ts';

export type QueryAction = Extract<Action, { type: 'query' }>;
export type InspectAction = Extract<Action, { type: 'inspect' }>;
export type ContrastAction = Extract<Action, { type: 'contrast' }>;

export type View =
  | { kind: 'query'; result: QueryResult; halves: { before: QueryResult; after: QueryResult } | null }
  | { kind: 'inspect'; result: InspectorResult }
  | { kind: 'contrast'; result: ContrastResult }
  | { kind: 'changelog'; deploys: DeployEntry[]; timeline: NonNullable<Scenario['timeline']> }
  | { kind: 'none' }
  | { kind: 'error'; message: string };

/** Whether a move shows something (a view to judge): the moves an author's finding can name. */
export const showsSomething = (a: Pick<Action, 'type'>): boolean => (MATCHER_TYPES as readonly string[]).includes(a.type);

/** The query spec of a query action, as the sim reads it. */
export const querySpec = (a: QueryAction) => ({ metric: a.metric, groupBy: a.groupBy ?? null, filter: asFilter(a.filter), window: a.window, byDay: a.byDay });

export function showAction(world: World, action: Action, timeline: Scenario['timeline'] = []): View {
  try {
    switch (action.type) {
      case 'query': {
        const spec = querySpec(action);
        const result = runQuery(world, spec);
        const h = !result.byDay && result.groupBy !== 'day' ? halvesOf(result.window) : null;
        const halves = h ? { before: runQuery(world, { ...spec, window: h.before }), after: runQuery(world, { ...spec, window: h.after }) } : null;
        return { kind: 'query', result, halves };
      }
      case 'inspect':
        return { kind: 'inspect', result: inspect(world, { ...action, filter: asFilter(action.filter) }) };
      case 'contrast':
        return { kind: 'contrast', result: contrast(world, action) };
      case 'changelog':
        return { kind: 'changelog', deploys: deployLog(world), timeline: timeline ?? [] };
      default:
        return { kind: 'none' };
    }
  } catch (e) {
    if (isQueryError(e)) return { kind: 'error', message: e.message };
    throw e;
  }
}

/**
 * Why a view shows nothing to read, or null: an error (a window outside the world's days, a
 * component this world does not have) or a filter no row matches. Such a move is never credited.
 */
export function emptyView(view: View): string | null {
  if (view.kind === 'error') return `could not be shown: ${view.message}`;
  if (view.kind === 'query' && !view.result.cells.some((c) => c.n > 0)) return 'showed no rows: no data in this world matches its filter and days';
  if (view.kind === 'contrast' && view.result.overall.selection === null) return 'showed no rows: no data in this world matches its selection';
  return null;
}
