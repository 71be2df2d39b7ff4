import { scenarioWorld } from '../src/cli/scenarioArg.ts';
import { simulateWorld } from '../src/sim/simulate.ts';
import { runQuery } from '../src/sim/query/query.ts';
type Q = { metric: string; filter?: Record<string, string[]>; before: [number, number]; after: [number, number] };
const Qs: Record<string, Q[]> = {
  'android-engagement-slump': [
    { metric: 'ctr', filter: { platform: ['android'] }, before: [1, 6], after: [7, 12] },
    { metric: 'save_rate', filter: { platform: ['android'] }, before: [1, 6], after: [7, 12] },
    { metric: 'ctr', filter: { platform: ['ios'] }, before: [1, 6], after: [7, 12] },
    { metric: 'ctr', filter: { platform: ['web'] }, before: [1, 6], after: [7, 12] },
  ],
  'campaign-week-session-depth': [
    { metric: 'session_depth', before: [1, 7], after: [8, 14] },
    { metric: 'relevance', before: [1, 7], after: [8, 14] },
    { metric: 'ctr', before: [1, 7], after: [8, 14] },
  ],
  'cold-start-niche-aesthetics': [
    { metric: 'relevance', filter: { tenure: ['new'] }, before: [1, 7], after: [8, 14] },
    { metric: 'relevance', filter: { tenure: ['core'] }, before: [1, 7], after: [8, 14] },
    { metric: 'relevance', filter: { tenure: ['casual'] }, before: [1, 7], after: [8, 14] },
  ],
  'dark-tastes-going-beige': [
    { metric: 'relevance', filter: { user_interest: ['gothic', 'dark-academia', 'cyberpunk'] }, before: [1, 5], after: [6, 12] },
    { metric: 'relevance', before: [1, 5], after: [6, 12] },
    { metric: 'auc', before: [1, 5], after: [6, 12] },
    { metric: 'ctr', before: [1, 5], after: [6, 6] },
  ],
  'europe-relevance-slide': [
    { metric: 'relevance', filter: { region: ['eu'] }, before: [1, 5], after: [6, 12] },
    { metric: 'relevance', filter: { region: ['na', 'latam', 'apac'] }, before: [1, 5], after: [6, 12] },
    { metric: 'ctr', filter: { region: ['eu'] }, before: [1, 5], after: [7, 8] },
    { metric: 'ctr', filter: { region: ['eu'] }, before: [1, 5], after: [9, 12] },
  ],
  'fresh-pins-stopped-reaching-feeds': [
    { metric: 'ctr', filter: { freshness: ['recent'] }, before: [1, 6], after: [7, 12] },
    { metric: 'ctr', before: [1, 6], after: [7, 12] },
  ],
  'mobile-saves-after-release': [
    { metric: 'save_rate', filter: { app_version: ['ios-42.0', 'android-42.0'] }, before: [1, 7], after: [8, 14] },
    { metric: 'ctr', filter: { app_version: ['ios-42.0', 'android-42.0'] }, before: [1, 7], after: [8, 14] },
  ],
  'niche-feeds-two-regressions': [
    { metric: 'ndcg_at_k', filter: { user_interest: ['cottagecore', 'dark-academia', 'goblincore', 'grandmillennial', 'vaporwave', 'y2k', 'art-deco', 'maximalist', 'gothic', 'cyberpunk'] }, before: [1, 8], after: [9, 14] },
    { metric: 'ndcg_at_k', filter: { user_interest: ['minimalist', 'scandinavian', 'modern-farmhouse', 'boho', 'mid-century', 'coastal', 'japandi', 'industrial', 'traditional', 'glam'] }, before: [1, 8], after: [9, 14] },
    { metric: 'ndcg_at_k', filter: { user_interest: ['vaporwave', 'y2k', 'art-deco', 'maximalist', 'gothic', 'cyberpunk'] }, before: [1, 8], after: [9, 14] },
    { metric: 'relevance', filter: { user_interest: ['vaporwave', 'y2k', 'art-deco', 'maximalist', 'gothic', 'cyberpunk'] }, before: [1, 4], after: [9, 14] },
    { metric: 'ndcg_at_k', before: [1, 8], after: [9, 14] },
    { metric: 'relevance', filter: { user_interest: ['cottagecore', 'dark-academia', 'goblincore', 'grandmillennial', 'vaporwave', 'y2k', 'art-deco', 'maximalist', 'gothic', 'cyberpunk'] }, before: [1, 4], after: [9, 14] },
    { metric: 'relevance', filter: { user_interest: ['minimalist', 'scandinavian', 'modern-farmhouse', 'boho', 'mid-century', 'coastal', 'japandi', 'industrial', 'traditional', 'glam'] }, before: [1, 4], after: [9, 14] },
  ],
  'offline-up-online-down': [
    { metric: 'relevance', before: [1, 7], after: [8, 14] },
    { metric: 'ctr', before: [1, 7], after: [8, 14] },
  ],
  'overnight-ctr-cliff': [
    { metric: 'ctr', before: [1, 6], after: [7, 12] },
  ],
};
const combos = <T,>(xs: T[], k: number): T[][] => k === 0 ? [[]] : xs.flatMap((x, i) => combos(xs.slice(i + 1), k - 1).map((c) => [x, ...c]));
for (const id of process.argv.slice(2)) {
  const { config, faults, distractors } = scenarioWorld(id, { config: {}, faults: [], distractors: [] });
  const variants: { label: string; faults: typeof faults }[] = [{ label: 'file seed', faults }];
  faults.forEach((f, i) => {
    for (const [key, v] of Object.entries(f.params ?? {})) {
      if (v && typeof v === 'object' && 'pick' in (v as object)) {
        const { pick, from } = v as { pick: number; from: string[] };
        for (const c of combos(from, pick)) {
          const copy = structuredClone(faults);
          copy[i].params = { ...copy[i].params, [key]: pick === 1 && key !== 'aesthetics' ? c[0] : c };
          variants.push({ label: `${key}=${c.join(',')}`, faults: copy });
        }
      }
    }
  });
  console.log(`=== ${id}`);
  for (const v of variants) {
    const w = simulateWorld(config, { faults: v.faults, distractors });
    const line = Qs[id].map((q) => {
      const at = (win: [number, number]) => runQuery(w, { metric: q.metric, filter: q.filter, window: win }).cells[0].value!;
      const a = at(q.before), b = at(q.after);
      return `${q.metric}${q.filter ? '[' + Object.values(q.filter)[0].slice(0, 2).join(',') + ']' : ''} ${a.toFixed(4)}→${b.toFixed(4)} (${((b / a - 1) * 100).toFixed(1)}%)`;
    });
    console.log(`  ${v.label}: ${line.join(' | ')}`);
  }
}
