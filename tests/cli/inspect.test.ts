// `faultline inspect`: any inspector view as the tables the app draws, for the world and (with
// --twin) its fault-free twin — the way an instructor checks a fault's footprint in a view.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const WORLD = ['--seed', '5', '--users', '800', '--items', '1600', '--days', '6', '--quiet'];
const faultline = (...args: string[]) => spawnSync('node', [resolve('bin/faultline.js'), 'inspect', ...args], { encoding: 'utf8' });

describe('faultline inspect', () => {
  it('prints the confusion matrix and its per-aesthetic rates, and with --twin the fault-free twin’s beside them', () => {
    const fault = ['--fault', 'encoder-mislabel@3:{"aesthetics":["goblincore"],"rate":0.9}'];
    const r = faultline('confusion_matrix', ...fault, ...WORLD);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^confusion_matrix of image-encoder · days 1–6 · seed 5\n/);
    expect(r.stdout).toMatch(/true \\ predicted\s+ok\s+low-quality/);
    const json = JSON.parse(faultline('confusion_matrix', ...fault, '--twin', '--json', ...WORLD).stdout);
    const called = (view: { perClass: { aesthetic: string; predictedLowShare: number }[] }) => view.perClass.find((c) => c.aesthetic === 'goblincore')!.predictedLowShare;
    // The mislabelled aesthetic is called low quality far more often in the world than in its twin.
    expect(called(json.factual)).toBeGreaterThan(called(json.twin) + 0.2);
  });

  it('prints stage health, and says which views and components there are', () => {
    expect(faultline('stage_health', ...WORLD).stdout).toMatch(/stage\s+metric\s+baseline\s+current\s+change\s+z\s+status/);
    expect(faultline('heatmap', ...WORLD).stderr).toMatch(/unknown view "heatmap". Views: confusion_matrix, pr_curve/);
    expect(faultline('calibration_curve', '--component', 'image-encoder', ...WORLD).stderr).toMatch(/calibration_curve looks at ranker; got --component image-encoder/);
  });
});
