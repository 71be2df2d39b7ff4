import { simulatePair } from '../src/sim/simulate.ts';
import { footprint } from '../src/sim/footprint.ts';
const [kind, seedS, paramsS, ...queries] = process.argv.slice(2);
const t0 = Date.now();
const pair = simulatePair({ seed: Number(seedS), users: Number(process.env.USERS ?? 20000), items: Number(process.env.ITEMS ?? 40000), days: 14 }, { faults: kind === 'none' ? [] : [{ kind: kind as any, onsetDay: 8, params: JSON.parse(paramsS || '{}') }] });
console.error(`pair ${((Date.now() - t0) / 1000).toFixed(1)} s`, JSON.stringify(pair.factual.faults.map(f=>f.params)));
for (const q of queries) {
  const [metric, groupBy, filterS] = q.split('|');
  const filter = filterS ? Object.fromEntries(filterS.split(';').map((p) => { const [d, v] = p.split('='); return [d, v.split(',')]; })) : {};
  const f = footprint(pair, { metric, groupBy: groupBy || null, filter, window: [8, 14] });
  console.log(`== ${q}`);
  for (const c of f.cells) console.log(`  ${String(c.group ?? 'all').padEnd(22)} ${c.factual?.toFixed(4)} vs ${c.twin?.toFixed(4)}  rel ${((c.relative ?? 0) * 100).toFixed(1)}%  z ${c.z?.toFixed(1)}  n ${c.n}`);
}
