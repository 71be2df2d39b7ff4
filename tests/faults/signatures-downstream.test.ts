// Signatures of the faults that start in ranking, presentation and logging.
import { describe, expect, it } from 'vitest';
import { AFTER, ONSET, cellsOf, fell, flat, pairWith, rose } from './helpers.ts';
import { AESTHETICS, AESTHETIC_IDS } from '../../src/sim/world/taxonomy.ts';
import type { QuerySpec } from '../../src/sim/query/spec.ts';
import { inspect } from '../../src/sim/inspect/inspect.ts';
import type { WorldPair } from '../../src/sim/simulate.ts';
import { RETIRED_IN_V13 } from '../../src/sim/pipeline/ranker.ts';

describe('rare-class-regression', () => {
  // The new ranker's training sampler starves these aesthetics (a fixed target, not the seed's pick).
  const RARE = ['goblincore', 'gothic', 'vaporwave', 'cyberpunk', 'art-deco'];
  const MAINSTREAM = ['minimalist', 'scandinavian', 'coastal'];
  const pair = () => pairWith({ kind: 'rare-class-regression', params: { aesthetics: RARE } });

  it('looks like an upgrade overall: NDCG up, AUC and relevance not down', () => {
    const ndcg = cellsOf(pair(), { metric: 'ndcg_at_k' }).all;
    expect(rose(ndcg)).toBe(true);
    expect(ndcg.relative!).toBeLessThan(0.06);
    expect(cellsOf(pair(), { metric: 'auc' }).all.relative!).toBeGreaterThan(-0.003);
    expect(cellsOf(pair(), { metric: 'relevance' }).all.relative!).toBeGreaterThan(0);
  });

  it('hurts the fans of the starved aesthetics: NDCG and relevance down', () => {
    const ndcg = cellsOf(pair(), { metric: 'ndcg_at_k', filter: { user_interest: RARE } }).all;
    expect(fell(ndcg)).toBe(true);
    expect(ndcg.relative!).toBeLessThan(-0.06);
    // Not only the order of the first slate: what they are served is worse (their own pins
    // lose their lead to the pins the tower learnt from their few mainstream tastes).
    const relevance = cellsOf(pair(), { metric: 'relevance', filter: { user_interest: RARE } }).all;
    expect(fell(relevance)).toBe(true);
    expect(relevance.relative!).toBeLessThan(-0.015);
    expect(relevance.z!).toBeLessThan(-3);
  });

  it('serves mainstream tastes better (up or flat)', () => {
    expect(rose(cellsOf(pair(), { metric: 'ndcg_at_k', filter: { user_interest: MAINSTREAM } }).all)).toBe(true);
    expect(cellsOf(pair(), { metric: 'relevance', filter: { user_interest: MAINSTREAM } }).all.relative!).toBeGreaterThan(-0.01);
  });

  it('shows fewer of the catalogue every day (its tower favours the pins it has seen most)', () => {
    const days = Object.values(cellsOf(pair(), { metric: 'coverage', byDay: true }));
    for (const d of days) expect(fell(d), `day ${d.day}`).toBe(true);
  });

  it('ships as a new ranker version whose tower barely learnt the starved aesthetics', () => {
    const { factual, twin } = pair();
    expect(factual.pipeline[ONSET].ranker.version).not.toBe(twin.pipeline[ONSET].ranker.version);
    const tower = factual.rankerByDay[ONSET].tower!;
    const support = (ids: string[]) => Math.max(...ids.map((id) => tower.support[AESTHETIC_IDS.indexOf(id)]));
    expect(support(RARE)).toBeLessThan(0.25);
    expect(Math.min(...MAINSTREAM.map((id) => tower.support[AESTHETIC_IDS.indexOf(id)]))).toBeGreaterThan(0.5);
    expect(twin.rankerByDay[ONSET].tower).toBeUndefined();
    // It retires the hand-made aesthetic-affinity feature, the signal those fans' pins relied on.
    expect(factual.rankerByDay[ONSET].weights[RETIRED_IN_V13]).toBe(0);
    expect(twin.rankerByDay[ONSET].weights[RETIRED_IN_V13]).toBeGreaterThan(0.5);
  });
});

describe('training-serving-skew', () => {
  const pair = () => pairWith({ kind: 'training-serving-skew' });

  it('degrades online relevance, clicks, ranking quality and calibration', () => {
    // The default skew serves visual_sim as a distance (1 − similarity): the ranker, trained on
    // similarities, now prefers the pins that look least like what the user liked.
    for (const metric of ['relevance', 'ctr', 'ndcg_at_k'] as const) {
      const cell = cellsOf(pair(), { metric }).all;
      expect(fell(cell), metric).toBe(true);
      expect(cell.relative!, metric).toBeLessThan(-0.02);
    }
    expect(rose(cellsOf(pair(), { metric: 'calibration_error' }).all)).toBe(true);
  });

  it('looks fine offline: the offline AUC holds although online relevance fell', () => {
    const evalOf = (w: WorldPair['factual']) => {
      const view = inspect(w, { view: 'pr_curve', component: 'ranker', window: AFTER });
      if (view.view !== 'pr_curve' || !view.offline) throw new Error('no offline evaluation');
      return view.offline;
    };
    const factual = evalOf(pair().factual);
    const twin = evalOf(pair().twin);
    expect(Math.abs(factual.offlineAuc! - twin.offlineAuc!)).toBeLessThan(0.01);
    expect(Math.abs(twin.onlineAuc! - twin.offlineAuc!)).toBeLessThan(1e-9);
  });

  it('shows serving and training distributions of the feature apart', () => {
    const view = inspect(pair().factual, { view: 'feature_distribution', feature: 'visual_sim', window: AFTER });
    if (view.view !== 'feature_distribution') throw new Error('wrong view');
    const gap = view.bins.reduce((s, b) => s + Math.abs(b.current - b.training), 0);
    expect(gap).toBeGreaterThan(0.5);
  });

  it('shows serving values drifting from the training reference', () => {
    const psi = cellsOf(pair(), { metric: 'feature_psi', groupBy: 'feature' });
    expect(psi.visual_sim.factual!).toBeGreaterThan(0.2);
  });
});

describe('feedback-loop', () => {
  const pair = () => pairWith({ kind: 'feedback-loop' });
  const NICHE = AESTHETICS.filter((a) => a.niche).map((a) => a.id);
  const byDay = (spec: Omit<QuerySpec, 'byDay'>) =>
    Object.values(cellsOf(pair(), { ...spec, byDay: true })).sort((a, b) => a.day! - b.day!);

  it('narrows exposure day by day: coverage and diversity fall, more each day', () => {
    for (const metric of ['coverage', 'diversity']) {
      const days = byDay({ metric });
      expect(days[0].relative, `${metric} on the onset day`).toBe(0); // the first retrain is that night
      for (const d of days.slice(-3)) {
        expect(d.relative!, `${metric} day ${d.day}`).toBeLessThan(-0.01);
        expect(d.z!, `${metric} day ${d.day}`).toBeLessThan(-1.5);
      }
      // Gradual: by the last day it has fallen at least as far as after the first retrain.
      expect(days[days.length - 1].relative!, metric).toBeLessThan(days[1].relative! + 0.005);
    }
    const diversity = byDay({ metric: 'diversity' });
    for (const d of diversity.slice(1)) expect(fell(d), `diversity day ${d.day}`).toBe(true);
    expect(diversity.at(-1)!.relative!).toBeLessThan(diversity[1].relative! - 0.02);
    expect(diversity.at(-1)!.relative!).toBeLessThan(-0.08);
  });

  it("takes exposure from niche creators' pins", () => {
    const niche = byDay({ metric: 'diversity', filter: { aesthetic: NICHE } });
    expect(fell(niche.at(-1)!)).toBe(true);
  });

  it('holds short-term CTR', () => {
    expect(flat(cellsOf(pair(), { metric: 'ctr' }).all)).toBe(true);
    for (const d of byDay({ metric: 'ctr' })) expect(flat(d, 0.05), `day ${d.day}`).toBe(true);
  });
});

describe('position-bias-logging', () => {
  // Default mode: clicked impressions are logged at the click event's slot (position 1).
  const pair = () => pairWith({ kind: 'position-bias-logging' });
  const evalOf = (w: WorldPair['factual']) => {
    const view = inspect(w, { view: 'pr_curve', component: 'ranker', window: [ONSET + 1, AFTER[1]] });
    if (view.view !== 'pr_curve' || !view.offline) throw new Error('no offline evaluation');
    return view.offline;
  };

  it('distorts the CTR-by-position curve: every logged click sits at slot 1', () => {
    const c = cellsOf(pair(), { metric: 'ctr', groupBy: 'position' });
    expect(c['1'].relative!).toBeGreaterThan(1);
    for (const [group, cell] of Object.entries(c)) if (group !== '1') expect(cell.factual, group).toBe(0);
  });

  it("the retrained ranker loses online CTR and relevance from its first retrain on", () => {
    const days = Object.values(cellsOf(pair(), { metric: 'ctr', byDay: true }));
    expect(days.find((d) => d.day === ONSET)!.difference).toBe(0);
    const retrained = cellsOf(pair(), { metric: 'ctr', window: [ONSET + 1, AFTER[1]] }).all;
    expect(fell(retrained)).toBe(true);
    expect(retrained.relative!).toBeLessThan(-0.04);
    expect(fell(cellsOf(pair(), { metric: 'relevance', window: [ONSET + 1, AFTER[1]] }).all)).toBe(true);
  });

  it("while the training pipeline's offline report looks better than ever", () => {
    const factual = evalOf(pair().factual);
    const twin = evalOf(pair().twin);
    expect(factual.loggedAuc!).toBeGreaterThan(twin.loggedAuc! + 0.05);
    expect(factual.loggedAuc!).toBeGreaterThan(0.85);
  });

  it('leaves candidate generation alone', () => {
    expect(flat(cellsOf(pair(), { metric: 'candidate_count' }).all, 0.01)).toBe(true);
    expect(cellsOf(pair(), { metric: 'recall_at_k' }).all.significant).toBe(false);
  });

  it('in constant mode too, the curve collapses onto slot 1', () => {
    const c = cellsOf(pairWith({ kind: 'position-bias-logging', params: { mode: 'constant' } }), { metric: 'ctr', groupBy: 'position' });
    expect(Object.keys(c)).toEqual(['1']);
    expect(c['1'].relative!).toBeLessThan(-0.5);
  });
});

describe('client-render-bug', () => {
  const pair = () => pairWith({ kind: 'client-render-bug', params: { appVersion: 'android-42.0' } });

  it('breaks images and clicks on that app version only', () => {
    const failures = cellsOf(pair(), { metric: 'image_load_failure_rate', groupBy: 'app_version' });
    expect(failures['android-42.0'].factual!).toBeGreaterThan(0.3);
    expect(flat(failures['android-41.3'])).toBe(true);
    const ctr = cellsOf(pair(), { metric: 'ctr', groupBy: 'app_version' });
    expect(fell(ctr['android-42.0'])).toBe(true);
    expect(flat(ctr['ios-42.0'])).toBe(true);
    const saves = cellsOf(pair(), { metric: 'save_rate', groupBy: 'app_version' });
    expect(fell(saves['android-42.0'])).toBe(true);
  });

  it('leaves upstream metrics and rated relevance flat', () => {
    expect(flat(cellsOf(pair(), { metric: 'relevance' }).all)).toBe(true);
    expect(cellsOf(pair(), { metric: 'recall_at_k' }).all.significant).toBe(false);
    expect(cellsOf(pair(), { metric: 'label_share' }).all.difference).toBe(0);
  });
});

describe('event-logging-loss', () => {
  const pair = () => pairWith({ kind: 'event-logging-loss', params: { platform: 'android' } });

  it('loses logged clicks on that platform; the client/server ratio shows it', () => {
    const ctr = cellsOf(pair(), { metric: 'ctr', groupBy: 'platform' });
    expect(ctr.android.relative!).toBeLessThan(-0.25);
    expect(flat(ctr.ios)).toBe(true);
    const ratio = cellsOf(pair(), { metric: 'client_server_event_ratio', groupBy: 'platform' });
    expect(fell(ratio.android)).toBe(true);
    expect(flat(ratio.web)).toBe(true);
  });

  it('leaves server-side saves, relevance and upstream flat', () => {
    const saves = cellsOf(pair(), { metric: 'save_rate', groupBy: 'platform' });
    expect(flat(saves.android)).toBe(true);
    expect(flat(cellsOf(pair(), { metric: 'relevance' }).all)).toBe(true);
    expect(cellsOf(pair(), { metric: 'recall_at_k' }).all.significant).toBe(false);
  });
});
