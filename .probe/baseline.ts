import { simulateWorld } from '../src/sim/simulate.ts';
import { runQuery } from '../src/sim/query/query.ts';
const seed = Number(process.argv[2] ?? 31);
const t0 = Date.now();
const w = simulateWorld({ seed, users: Number(process.env.USERS ?? 20000), items: Number(process.env.ITEMS ?? 40000), days: 14 });
console.log(`world ${((Date.now() - t0) / 1000).toFixed(1)} s, impressions ${w.logs.impressions.rows}`);
const show = (metric: string, groupBy: string | null) => {
  const r = runQuery(w, { metric, groupBy });
  console.log(`${metric} × ${groupBy ?? 'all'}: ` + r.cells.map((c) => `${c.group ?? 'all'} ${(c.value! * (metric === 'session_depth' || metric === 'relevance' ? 1 : 100)).toFixed(2)}`).join('  '));
};
show('ctr', null); show('save_rate', null); show('hide_rate', null); show('relevance', 'tenure');
show('ctr', 'tenure'); show('save_rate', 'tenure'); show('session_depth', 'tenure');
show('ctr', 'platform'); show('ctr', 'region'); show('session_depth', 'platform');
show('ctr', 'position');
const imp = w.logs.impressions;
const count = new Float64Array(w.items.count);
for (let r = 0; r < imp.rows; r++) count[imp.columns.item[r]]++;
const sorted = Array.from(count).sort((a, b) => b - a);
const total = sorted.reduce((s, x) => s + x, 0);
const top = sorted.slice(0, Math.round(0.2 * sorted.length)).reduce((s, x) => s + x, 0);
console.log(`top 20% of pins: ${(100 * top / total).toFixed(1)}% of impressions; shown in window ${(100 * sorted.filter((x) => x > 0).length / sorted.length).toFixed(1)}%`);
const perDay: number[] = [];
for (let d = 1; d <= 14; d++) {
  const seen = new Uint8Array(w.items.count);
  for (let r = imp.dayStart[d]; r < imp.dayStart[d + 1]; r++) seen[imp.columns.item[r]] = 1;
  perDay.push(seen.reduce((s, x) => s + x, 0) / w.items.count);
}
console.log(`shown per day: ${perDay.map((x) => (100 * x).toFixed(0)).join(' ')}%`);
