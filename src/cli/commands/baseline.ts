// `faultline baseline`: the healthy world's headline figures beside the ranges a real feed's
// fall in (CTR and its position curve, saves, who engages most, the popularity head).
import type { ParseArgsConfig } from 'node:util';
import { parse, WORLD_OPTIONS, worldFlags } from '../args.ts';
import { UsageError } from '../errors.ts';
import { loadWorld } from '../world.ts';
import { baselineFigures, inRange, type BaselineFigure } from '../../sim/baseline.ts';
import { textTable } from '../textTable.ts';

export const baselineHelp = `faultline baseline [--seed N] [--users N] [--items N] [--days N] [--json]
  The healthy world's headline figures — CTR and its position curve, save rate, core against new
  users, platforms and regions, the popularity head — each beside the range a real feed's falls
  in. Exit 1 when one is out of range.`;

const show = (f: BaselineFigure, x: number) => (f.unit === 'percent' ? `${(x * 100).toFixed(f.value < 0.1 ? 2 : 1)}%` : `${x.toFixed(2)}×`);

/** The flags `faultline baseline` takes (its --help lists them all). */
export const baselineOptions = { ...WORLD_OPTIONS, json: { type: 'boolean' } } as const satisfies ParseArgsConfig['options'];

export async function baselineCommand(argv: string[]): Promise<void> {
  const { values } = parse(argv, baselineOptions);
  const world = await loadWorld(worldFlags(values), values);
  const figures = baselineFigures(world);
  if (values.json) console.log(JSON.stringify(figures, null, 2));
  else {
    const rows = figures.map((f) => [inRange(f) ? '✓' : '✗', f.label, show(f, f.value), `${show(f, f.range[0])} – ${show(f, f.range[1])}`]);
    console.log(`healthy world · seed ${world.config.seed} · ${world.config.users} users × ${world.config.days} days\n`);
    console.log(textTable(['', 'figure', 'value', 'real feeds'], rows, [false, false, true, true]));
  }
  const out = figures.filter((f) => !inRange(f));
  if (out.length) throw new UsageError(`${out.map((f) => f.id).join(', ')} out of range`, 1);
}
