// The healthy world's headline figures, and the ranges a practitioner would recognise from a
// real feed. `faultline baseline` prints them beside their ranges; the realism test holds the
// default world to them at several seeds.
import type { World } from './world/world.ts';
import { runQuery } from './query/query.ts';

export interface BaselineFigure {
  id: string;
  label: string;
  value: number;
  /** Inclusive range a real feed's figure falls in. */
  range: [number, number];
  unit: 'percent' | 'ratio';
}

const cellOf = (w: World, metric: string, groupBy: string | null, group: string | null) =>
  runQuery(w, { metric, groupBy }).cells.find((c) => c.group === group)!.value!;

/** Share of impressions that go to the most-shown `top` share of the catalogue. */
function headShare(w: World, top: number): number {
  const imp = w.logs.impressions;
  const count = new Float64Array(w.items.count);
  for (let r = 0; r < imp.rows; r++) count[imp.columns.item[r]]++;
  const sorted = Array.from(count).sort((a, b) => b - a);
  const head = sorted.slice(0, Math.round(top * sorted.length)).reduce((s, x) => s + x, 0);
  return head / Math.max(1, imp.rows);
}

/** The largest share of the catalogue shown on any one day. */
function mostShownInADay(w: World): number {
  const imp = w.logs.impressions;
  const seen = new Uint8Array(w.items.count);
  let most = 0;
  for (let d = 1; d <= w.config.days; d++) {
    seen.fill(0);
    let n = 0;
    for (let r = imp.dayStart[d]; r < imp.dayStart[d + 1]; r++) {
      const item = imp.columns.item[r];
      if (!seen[item]) {
        seen[item] = 1;
        n++;
      }
    }
    most = Math.max(most, n / w.items.count);
  }
  return most;
}

export function baselineFigures(w: World): BaselineFigure[] {
  const ctr = cellOf(w, 'ctr', null, null);
  const save = cellOf(w, 'save_rate', null, null);
  const byPlatform = runQuery(w, { metric: 'ctr', groupBy: 'platform' }).cells.map((c) => c.value!);
  const byRegion = runQuery(w, { metric: 'ctr', groupBy: 'region' }).cells.map((c) => c.value!);
  const spread = (xs: number[]) => Math.max(...xs) / Math.min(...xs);
  return [
    { id: 'ctr', label: 'CTR', value: ctr, range: [0.045, 0.075], unit: 'percent' },
    { id: 'ctr_slot_1', label: 'CTR at slot 1', value: cellOf(w, 'ctr', 'position', '1'), range: [0.2, 0.35], unit: 'percent' },
    { id: 'ctr_slot_10', label: 'CTR at slot 10', value: cellOf(w, 'ctr', 'position', '10'), range: [0.04, 0.08], unit: 'percent' },
    { id: 'save_rate', label: 'save rate', value: save, range: [0.005, 0.025], unit: 'percent' },
    { id: 'saves_per_click', label: 'saves per click', value: save / ctr, range: [0.1, 0.45], unit: 'ratio' },
    {
      id: 'core_over_new_ctr',
      label: 'CTR of core users ÷ new users',
      value: cellOf(w, 'ctr', 'tenure', 'core') / cellOf(w, 'ctr', 'tenure', 'new'),
      range: [1.05, 1.5],
      unit: 'ratio',
    },
    { id: 'platform_ctr_spread', label: 'CTR spread across platforms (max ÷ min)', value: spread(byPlatform), range: [1.1, 1.6], unit: 'ratio' },
    { id: 'region_ctr_spread', label: 'CTR spread across regions (max ÷ min)', value: spread(byRegion), range: [1.08, 1.5], unit: 'ratio' },
    { id: 'top_20_share', label: 'impressions of the top 20% of pins', value: headShare(w, 0.2), range: [0.75, 0.95], unit: 'percent' },
    { id: 'shown_per_day', label: 'catalogue shown on a day (the most of any day)', value: mostShownInADay(w), range: [0.1, 0.48], unit: 'percent' },
  ];
}

export const inRange = (f: BaselineFigure) => f.value >= f.range[0] && f.value <= f.range[1];
