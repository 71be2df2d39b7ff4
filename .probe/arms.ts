import { simulatePair } from '../src/sim/simulate.ts';
import { runQuery } from '../src/sim/query/query.ts';
const [seedS, paramsS, metric = 'relevance'] = process.argv.slice(2);
const pair = simulatePair({ seed: Number(seedS), users: 20000, items: 40000, days: 14 }, { faults: [{ kind: 'experiment-interference', onsetDay: 8, params: JSON.parse(paramsS || '{}') }] });
for (const [name, w] of [['factual', pair.factual], ['twin', pair.twin]] as const) {
  const r = runQuery(w, { metric, groupBy: 'experiment_arm', window: [6, 14], byDay: true });
  const by = new Map<number, string[]>();
  for (const c of r.cells) by.set(c.day!, [...(by.get(c.day!) ?? []), `${c.group} ${c.value!.toFixed(3)}`]);
  console.log(name, [...by].map(([d, v]) => `d${d}: ${v.join(' ')}`).join(' | '));
  console.log('  arms', w.armsByDay.slice(8, 15).map((a) => a ? `${a[1].matchWeight.toFixed(2)}/${a[0].ranker.bias.toFixed(2)},${a[1].ranker.bias.toFixed(2)}` : '-').join(' '));
}
