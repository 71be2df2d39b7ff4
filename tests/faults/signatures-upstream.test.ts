// Signatures of the faults that start in ingestion and candidate generation: each moves what
// the table in the fault-library issue says it moves, and leaves the rest flat.
import { describe, expect, it } from 'vitest';
import { cellsOf, fell, flat, pairWith } from './helpers.ts';

const TARGETS = ['cottagecore', 'dark-academia'];

describe('encoder-mislabel', () => {
  const pair = () => pairWith({ kind: 'encoder-mislabel', params: { aesthetics: TARGETS } });

  it('labels the target aesthetics low quality, and only them', () => {
    const c = cellsOf(pair(), { metric: 'label_share', groupBy: 'aesthetic' });
    for (const a of TARGETS) expect(c[a].factual!).toBeGreaterThan(0.5);
    for (const a of ['minimalist', 'boho', 'gothic']) expect(c[a].difference).toBe(0);
  });

  it('cuts their exposure after ranking', () => {
    const c = cellsOf(pair(), { metric: 'coverage', groupBy: 'aesthetic' });
    for (const a of TARGETS) expect(c[a].relative!).toBeLessThan(-0.3);
    expect(flat(c.minimalist)).toBe(true);
  });

  it('lowers relevance for people interested in them, not by platform', () => {
    const c = cellsOf(pair(), { metric: 'relevance', filter: { user_interest: TARGETS } });
    expect(fell(c.all)).toBe(true);
    expect(c.all.relative!).toBeLessThan(-0.04);
    const byPlatform = cellsOf(pair(), { metric: 'relevance', groupBy: 'platform' });
    const changes = Object.values(byPlatform).map((x) => x.relative!);
    expect(Math.max(...changes) - Math.min(...changes)).toBeLessThan(0.02);
  });

  it('hits new users interested in them hardest; core users, whose histories vouch for their pins, less', () => {
    const rel = cellsOf(pair(), { metric: 'relevance', groupBy: 'tenure', filter: { user_interest: TARGETS } });
    expect(fell(rel.new)).toBe(true);
    expect(rel.new.relative!).toBeLessThan(-0.18);
    expect(rel.new.relative!).toBeLessThan(rel.core.relative! - 0.08);
    expect(rel.core.relative!).toBeGreaterThan(-0.18);
    const saves = cellsOf(pair(), { metric: 'save_rate', groupBy: 'tenure', filter: { user_interest: TARGETS } });
    expect(fell(saves.new)).toBe(true);
    expect(saves.new.relative!).toBeLessThan(saves.core.relative! - 0.08);
    // Across all users, core relevance stays within a couple of points.
    expect(flat(cellsOf(pair(), { metric: 'relevance', groupBy: 'tenure' }).core, 0.02)).toBe(true);
  });

  it("leaves the sources' recall flat", () => {
    const c = cellsOf(pair(), { metric: 'recall_at_k', groupBy: 'source' });
    for (const cell of Object.values(c)) expect(cell.significant).toBe(false);
  });
});

describe('embedding-collapse', () => {
  const pair = () => pairWith({ kind: 'embedding-collapse', params: { aesthetics: TARGETS } });

  it('drifts the target classes\u2019 embeddings and no others', () => {
    const c = cellsOf(pair(), { metric: 'embedding_drift', groupBy: 'aesthetic' });
    for (const a of TARGETS) expect(c[a].factual!).toBeGreaterThan(0.1);
    for (const a of ['minimalist', 'boho']) expect(c[a].difference).toBe(0);
  });

  it('leaves the quality labels alone', () => {
    expect(cellsOf(pair(), { metric: 'label_share' }).all.difference).toBe(0);
  });

  it("guts visual-similarity's recall for people interested in them; other sources' recall stays flat", () => {
    const c = cellsOf(pair(), { metric: 'recall_at_k', groupBy: 'source', filter: { user_interest: TARGETS } });
    expect(fell(c['visual-similarity'])).toBe(true);
    expect(c['visual-similarity'].relative!).toBeLessThan(-0.25);
    const all = cellsOf(pair(), { metric: 'recall_at_k', groupBy: 'source' });
    for (const s of ['co-engagement', 'text-embedding', 'trending', 'fresh']) expect(all[s].significant, s).toBe(false);
  });

  it('costs new users interested in them the most relevance: their feeds lean on visual neighbours', () => {
    const c = cellsOf(pair(), { metric: 'relevance', groupBy: 'tenure', filter: { user_interest: TARGETS } });
    expect(fell(c.new)).toBe(true);
    expect(c.new.relative!).toBeLessThan(c.core.relative! - 0.02);
    expect(c.new.relative!).toBeLessThan(c.casual.relative!);
    // Why: with no history for co-engagement, visual neighbours of their onboarding picks fill
    // a far larger share of new users' feeds than of settled users'.
    const share = cellsOf(pair(), { metric: 'source_share', groupBy: 'tenure', filter: { user_interest: TARGETS, source: ['visual-similarity'] } });
    expect(share.new.twin!).toBeGreaterThan(2 * share.core.twin!);
    expect(share.new.twin!).toBeGreaterThan(1.5 * share.casual.twin!);
  });
});

describe('brightness-bias', () => {
  const pair = () => pairWith({ kind: 'brightness-bias' });

  it('takes dark pins out of feeds', () => {
    const c = cellsOf(pair(), { metric: 'coverage', groupBy: 'brightness' });
    expect(c.dark.relative!).toBeLessThan(-0.3);
    expect(flat(c.bright)).toBe(true);
  });

  it('hurts people with dark tastes, not mainstream ones; AUC does not fall', () => {
    const c = cellsOf(pair(), { metric: 'relevance', groupBy: 'user_interest' });
    expect(fell(c.gothic)).toBe(true);
    expect(flat(c.minimalist)).toBe(true);
    expect(flat(c.scandinavian)).toBe(true);
    expect(cellsOf(pair(), { metric: 'auc' }).all.relative!).toBeGreaterThan(-0.01);
  });
});

describe('source-outage', () => {
  const pair = () => pairWith({ kind: 'source-outage', params: { source: 'visual-similarity' } });

  it('empties that source: candidates down, timeouts up, p95 latency at the timeout', () => {
    const count = cellsOf(pair(), { metric: 'candidate_count', groupBy: 'source' });
    expect(count['visual-similarity'].relative!).toBeLessThan(-0.8);
    for (const s of ['co-engagement', 'text-embedding', 'trending', 'fresh']) expect(flat(count[s], 0.02)).toBe(true);
    const timeouts = cellsOf(pair(), { metric: 'source_timeout_rate', groupBy: 'source' });
    expect(timeouts['visual-similarity'].factual!).toBeGreaterThan(0.8);
    expect(timeouts['co-engagement'].factual!).toBeLessThan(0.01);
    const p95 = cellsOf(pair(), { metric: 'source_latency_p95', groupBy: 'source' });
    expect(p95['visual-similarity'].factual!).toBeCloseTo(250, -1);
  });

  it('hurts the users who depend on it most: new users', () => {
    const c = cellsOf(pair(), { metric: 'relevance', groupBy: 'tenure' });
    expect(fell(c.new)).toBe(true);
    expect(c.new.relative!).toBeLessThan(c.core.relative! - 0.03);
  });

  it('can be scoped to a region', () => {
    const scoped = pairWith({ kind: 'source-outage', params: { source: 'co-engagement', regions: ['eu'] } });
    const c = cellsOf(scoped, { metric: 'source_timeout_rate', groupBy: 'region', filter: { source: ['co-engagement'] } });
    expect(c.eu.factual!).toBeGreaterThan(0.8);
    expect(c.na.factual!).toBeLessThan(0.01);
  });
});

describe('stale-index', () => {
  const pair = () => pairWith({ kind: 'stale-index' });

  it('ages the index day by day', () => {
    const c = cellsOf(pair(), { metric: 'index_age', byDay: true });
    expect(c['6'].factual!).toBeGreaterThan(c['5'].factual! + 20);
    expect(c['10'].factual!).toBeGreaterThan(c['9'].factual! + 20);
  });

  it('stops retrieving new pins; old pins still do fine', () => {
    const recall = cellsOf(pair(), { metric: 'recall_at_k', groupBy: 'freshness' });
    expect(recall.new.relative!).toBeLessThan(-0.5);
    const ctr = cellsOf(pair(), { metric: 'ctr', groupBy: 'freshness' });
    expect(flat(ctr.older)).toBe(true);
  });
});

describe('trend-sparse-niche', () => {
  const pair = () => pairWith({ kind: 'trend-sparse-niche' });

  it("guts trending's recall for niche-interest users; other sources stay flat", () => {
    const niche = cellsOf(pair(), { metric: 'recall_at_k', filter: { source: ['trending'], user_interest: ['cottagecore', 'gothic', 'goblincore', 'vaporwave'] } });
    expect(niche.all.relative!).toBeLessThan(-0.5);
    const others = cellsOf(pair(), { metric: 'candidate_count', groupBy: 'source' });
    for (const s of ['co-engagement', 'visual-similarity', 'text-embedding', 'fresh']) expect(flat(others[s], 0.02)).toBe(true);
  });
});

describe('feature-null', () => {
  const pair = () => pairWith({ kind: 'feature-null', params: { platform: 'android' } });

  it('empties the feature on that platform only', () => {
    const nulls = cellsOf(pair(), { metric: 'feature_null_rate', groupBy: 'platform' });
    expect(nulls.android.factual!).toBeGreaterThan(0.1);
    expect(nulls.ios.factual).toBe(0);
    const psi = cellsOf(pair(), { metric: 'feature_psi', groupBy: 'platform' });
    expect(psi.android.factual!).toBeGreaterThan(0.2);
    expect(psi.ios.factual!).toBeLessThan(0.1);
  });

  it('degrades ranking there and nowhere else; recall is untouched', () => {
    const ndcg = cellsOf(pair(), { metric: 'ndcg_at_k', groupBy: 'platform' });
    expect(fell(ndcg.android)).toBe(true);
    expect(flat(ndcg.ios, 0.01)).toBe(true);
    const ctr = cellsOf(pair(), { metric: 'ctr', groupBy: 'platform' });
    expect(fell(ctr.android)).toBe(true);
    expect(flat(ctr.ios, 0.02)).toBe(true);
    expect(cellsOf(pair(), { metric: 'recall_at_k' }).all.significant).toBe(false);
  });
});
