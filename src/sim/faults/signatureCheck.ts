// Holds a world to its kind's signature (signatures.ts): each check asked of the factual world
// and its twin, cell by cell, with the bar a move must clear scaled to the world's size. The
// tests and `faultline signatures` both run it; every result carries the `faultline query`
// command that shows the same cells, so anyone can rerun a comparison.
import type { WorldPair } from '../simulate.ts';
import { footprint, SIGNIFICANT_Z, type FootprintCell } from '../footprint.ts';
import { valuesOf } from '../query/dimensionValues.ts';
import { DEFAULT_SIZES, type WorldConfig } from '../config.ts';
import type { Dimension } from '../vocabulary.ts';
import { DISTRACTOR_SIGNATURES, FAULT_SIGNATURES, INSPECTOR_READINGS, type Check, type InspectorReading, type Signature, type Values } from './signatures.ts';
import { aucStandardError, rankerOfflineEval } from '../inspect/offlineEval.ts';
import type { InspectRequest } from '../inspect/request.ts';
import { DISTRACTORS, FAULTS, type KindInfo } from './catalog.ts';
import type { ChangeSpec } from './specs.ts';

/** The bar for a "must move" in the default world over a week after the onset. */
export const DEFAULT_WORLD_Z = 4;
const DEFAULT_EFFECT = 0.01;
const MIN_Z = 2;

/**
 * The |z| a real move must reach: DEFAULT_WORLD_Z in the default world over a week, scaled with
 * the square root of how much data there is (z grows with √n) — so a smaller world is held to the
 * same standard, not a stricter one — and never below MIN_Z.
 */
export function zBar(config: Pick<WorldConfig, 'users' | 'days'>, onsetDay: number, window?: readonly [number, number]): number {
  const days = window ? window[1] - window[0] + 1 : config.days - onsetDay + 1;
  const data = (config.users / DEFAULT_SIZES.users) * (Math.min(days, 7) / 7);
  return Math.max(MIN_Z, DEFAULT_WORLD_Z * Math.sqrt(data));
}

export interface CellResult {
  group: string;
  factual: number | null;
  twin: number | null;
  relative: number | null;
  z: number | null;
  pass: boolean;
}

export interface CheckResult {
  check: Check;
  /** The check with its values resolved, in words (`ctr × platform [android] falls`). */
  label: string;
  command: string;
  cells: CellResult[];
  pass: boolean;
}

/** The change a signature is checked for, as injected (kind, onset, resolved parameters). */
export interface CheckedChange {
  kind: string;
  onsetDay: number;
  params: Record<string, unknown>;
  distractor?: boolean;
}

export function signatureOf(change: Pick<CheckedChange, 'kind' | 'distractor'>): Signature {
  const table: Record<string, Signature> = change.distractor ? DISTRACTOR_SIGNATURES : FAULT_SIGNATURES;
  const signature = table[change.kind];
  if (!signature) throw new Error(`no signature for ${change.kind}`);
  return signature;
}

/** Parameters as the checks read them: resolved ones plus derived facts (a feature-null's scope). */
function checkParams(change: CheckedChange): Record<string, unknown> {
  const p = { ...change.params };
  if (change.kind === 'feature-null') {
    if (p.platform === undefined && p.appVersion === undefined && p.region === undefined) p.platform = 'android';
    p.scope = p.platform !== undefined ? 'platform' : p.appVersion !== undefined ? 'appVersion' : 'region';
  }
  return p;
}

const listOf = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);

function resolveValues(values: Values, dimension: Dimension, params: Record<string, unknown>, days: number): string[] {
  if (Array.isArray(values)) return [...(values as readonly string[])];
  const ref = values as Exclude<Values, readonly string[]>;
  let chosen = listOf(params[ref.of]);
  if (ref.via) chosen = [...new Set(chosen.flatMap((v) => ref.via![v] ?? []))];
  return ref.not ? valuesOf(dimension, days).filter((v) => !chosen.includes(v)) : chosen;
}

const isReading = (m: string): m is InspectorReading => (INSPECTOR_READINGS as readonly string[]).includes(m);

/** An inspector reading of the ranker, factual against twin, as one footprint cell. */
function readingFootprint(pair: WorldPair, reading: InspectorReading, filter: Record<string, string[]>, window: [number, number]): { cells: FootprintCell[] } {
  const read = (w: WorldPair['factual']) => {
    const e = rankerOfflineEval(w, { window, filter: filter as InspectRequest['filter'] });
    const a = reading === 'offline_auc' ? e.offlineAuc : reading === 'online_auc' ? e.onlineAuc : e.loggedAuc;
    return { a, se: a === null ? null : aucStandardError(a, e.clicks, e.impressions - e.clicks), n: e.impressions };
  };
  const f = read(pair.factual);
  const t = read(pair.twin);
  const difference = f.a !== null && t.a !== null ? f.a - t.a : null;
  const se = f.se !== null && t.se !== null ? Math.hypot(f.se, t.se) : null;
  const z = difference !== null && se ? difference / se : null;
  return {
    cells: [{
      group: null, day: null, factual: f.a, twin: t.a, difference,
      relative: difference !== null && t.a ? difference / t.a : null,
      se, z, significant: z !== null && Math.abs(z) >= SIGNIFICANT_Z, n: f.n,
    }],
  };
}

export function applies(check: Check, params: Record<string, unknown>): boolean {
  return Object.entries(check.when ?? {}).every(([k, allowed]) => allowed.includes(String(params[k])));
}

function windowOf(check: Check, onsetDay: number, days: number): [number, number] {
  let from = onsetDay + (check.from ?? 0);
  if (check.last !== undefined) from = Math.max(from, days - check.last + 1);
  const to = check.span !== undefined ? Math.min(days, from + check.span - 1) : days;
  return [from, to];
}

function judge(check: Check, c: FootprintCell, bar: number): boolean {
  // A change from exactly 0 (a rate that was never seen before) is an unbounded relative change.
  const rel = c.relative ?? (c.difference ? Math.sign(c.difference) * Infinity : 0);
  const z = c.z;
  const effect = check.effect ?? DEFAULT_EFFECT;
  // Metrics without a standard error count as moved when they differ at all.
  const movedDown = z !== null ? z <= -bar : (c.difference ?? 0) < 0;
  const movedUp = z !== null ? z >= bar : (c.difference ?? 0) > 0;
  const noise = z !== null ? Math.abs(z) < SIGNIFICANT_Z : c.difference === 0;
  const withinAtMost = check.atMost === undefined || Math.abs(rel) <= check.atMost;
  switch (check.expect) {
    case 'falls':
      return movedDown && rel <= -effect && withinAtMost;
    case 'rises':
      return movedUp && rel >= effect && withinAtMost;
    case 'flat':
      return noise || Math.abs(rel) <= effect;
    case 'not-falls':
      return (noise || rel >= -effect) && withinAtMost;
    case 'not-rises':
      return (noise || rel <= effect) && withinAtMost;
  }
}

function commandFor(change: CheckedChange, config: WorldConfig, check: Check, filter: Record<string, string[]>, window: [number, number]): string {
  const flag = change.distractor ? '--distractor' : '--fault';
  if (isReading(check.metric)) return `the ranker's pr_curve inspector, days ${window[0]}–${window[1]}: ${check.metric.replace('_', ' ').toUpperCase()}`;
  const parts = [`npx faultline query ${flag} '${change.kind}@${change.onsetDay}:${JSON.stringify(change.params)}'`];
  parts.push(`--metric ${check.metric}`);
  if (check.groupBy) parts.push(`--group-by ${check.groupBy}`);
  for (const [d, v] of Object.entries(filter)) parts.push(`--filter ${d}=${v.join(',')}`);
  parts.push(`--window ${window[0]}:${window[1]}`);
  if (check.byDay) parts.push('--by-day');
  const sizes = (['users', 'items', 'days'] as const).filter((k) => config[k] !== DEFAULT_SIZES[k]).map((k) => `--${k} ${config[k]}`);
  parts.push(`--seed ${config.seed}`, ...sizes, change.distractor ? '' : '--twin');
  return parts.filter(Boolean).join(' ');
}

/** Every applicable check of the change's signature, on a world and its comparison. */
export function checkSignature(pair: WorldPair, change: CheckedChange): CheckResult[] {
  const config = pair.factual.config;
  const params = checkParams(change);
  const out: CheckResult[] = [];
  for (const check of signatureOf(change).checks) {
    if (!applies(check, params)) continue;
    const filter: Record<string, string[]> = {};
    for (const [d, v] of Object.entries(check.filter ?? {})) filter[d] = resolveValues(v!, d as Dimension, params, config.days);
    // A slice the parameters leave empty (a source no segment depends on) is not this world's check.
    if (Object.values(filter).some((v) => v.length === 0)) continue;
    const window = windowOf(check, change.onsetDay, config.days);
    const f = isReading(check.metric)
      ? readingFootprint(pair, check.metric, filter, window)
      : footprint(pair, { metric: check.metric, groupBy: check.groupBy ?? null, filter, window, byDay: check.byDay });
    const wanted = check.groupBy && check.cells ? resolveValues(check.cells, check.groupBy, params, config.days) : null;
    const cells = f.cells
      .filter((c) => !wanted || wanted.includes(String(c.group)))
      .map((c) => ({
        group: check.byDay ? `day ${c.day}` : (c.group ?? 'all'),
        factual: c.factual,
        twin: c.twin,
        relative: c.relative,
        z: c.z,
        pass: judge(check, c, zBar(config, change.onsetDay, window)),
      }));
    if (check.most && cells.length) {
      // Ranked against every cell of the slice, chosen or not.
      const sign = check.expect === 'rises' ? 1 : -1;
      const extreme = Math.max(...f.cells.map((c) => sign * (c.relative ?? 0)));
      for (const c of cells) if (sign * (c.relative ?? 0) < extreme) c.pass = false;
    }
    // Long complements read as what they are ("other aesthetics (18)"), not as the list.
    const named = (v: Values | undefined, list: string[]) =>
      v && !Array.isArray(v) && (v as { not?: boolean }).not && list.length > 3 ? `${(v as { say?: string }).say ?? 'the rest'} (${list.length})` : list.join(',');
    const slice = [
      check.groupBy ? `× ${check.groupBy}${wanted ? ` [${named(check.cells, wanted)}]` : ''}` : '',
      ...Object.entries(filter).map(([d, v]) => `${d}=${named(check.filter?.[d as Dimension], v)}`),
      check.byDay ? 'per day' : '',
      `days ${window[0]}–${window[1]}`,
    ].filter(Boolean);
    out.push({
      check,
      label: `${check.metric} ${slice.join(' ')} ${check.expect}${check.most ? ' most' : ''}`,
      command: commandFor(change, config, check, filter, window),
      cells,
      pass: cells.length > 0 && cells.every((c) => c.pass),
    });
  }
  return out;
}

/** One world to check: a seed and the parameters to inject (explicit values for variant lists). */
export interface SignatureRun {
  seed: number;
  params: Record<string, unknown>;
}

/**
 * Runs that cover every value a kind's variants can pick (each `{pick, from}` parameter's
 * candidates in turn, `pick` at a time) and every parameter set in the signature's `variants`,
 * spread over the given seeds — at least one run per seed.
 */
export function signatureRuns(kind: string, seeds: readonly number[], distractor = false): SignatureRun[] {
  const table: Record<string, KindInfo> = distractor ? DISTRACTORS : FAULTS;
  const info = table[kind];
  const defaults = info.params.parse({}) as Record<string, unknown>;
  const choices: [string, unknown[][], boolean][] = [];
  for (const [key, value] of Object.entries(defaults)) {
    if (typeof value === 'object' && value !== null && 'pick' in value && 'from' in value) {
      const { pick, from } = value as { pick: number; from: unknown[] };
      const chunks: unknown[][] = [];
      for (let i = 0; i < from.length; i += pick) chunks.push(from.slice(i, i + pick));
      // A short last chunk is topped up from the start so every run picks as many as the default.
      const last = chunks[chunks.length - 1];
      for (let j = 0; last.length < pick; j++) if (!last.includes(from[j])) last.push(from[j]);
      choices.push([key, chunks, info.lists.includes(key)]);
    }
  }
  const count = Math.max(seeds.length, ...choices.map(([, chunks]) => chunks.length));
  const runs: SignatureRun[] = [];
  for (let i = 0; i < count; i++) {
    const params: Record<string, unknown> = {};
    for (const [key, chunks, list] of choices) {
      const chunk = chunks[i % chunks.length];
      params[key] = list ? chunk : chunk[0];
    }
    runs.push({ seed: seeds[i % seeds.length], params });
  }
  const variants = signatureOf({ kind, distractor }).variants ?? [];
  variants.forEach((v, i) => runs.push({ seed: seeds[(i + 1) % seeds.length], params: { ...runs[0].params, ...v } }));
  return runs;
}

/** The change to inject for a run, onset as given. */
export function changeFor(kind: string, run: SignatureRun, onsetDay: number): ChangeSpec<string> {
  return { kind, onsetDay, params: run.params };
}
