// The engine tests' world: the small render-bug fixture scenario (6000 users, 10 days), generated
// once per test file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import type { WorldPair } from '../../src/sim/simulate.ts';
import { generatePair } from '../../src/cli/world.ts';
import type { Action, Diagnosis } from '../../src/scenario/actions.ts';

export const FIXTURE = fileURLToPath(new URL('./fixtures/render-bug.yaml', import.meta.url));

let cached: { scenario: Scenario; pair: WorldPair } | null = null;

export function fixture(): { scenario: Scenario; pair: WorldPair } {
  if (cached) return cached;
  const loaded = loadScenario(readFileSync(FIXTURE, 'utf8'), FIXTURE);
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
  const s = loaded.scenario;
  const pair = generatePair({ seed: s.world.seed, days: s.world.days, users: s.world.users, items: s.world.items }, { quiet: true }, { faults: s.faults, distractors: s.distractors });
  cached = { scenario: s, pair };
  return cached;
}

const submit = (at: number, diagnosis: Diagnosis): Action => ({ at, type: 'submit', diagnosis });
const right: Diagnosis = { stage: 'presentation', component: 'feed-client', cause: 'client-render-bug', segment: { app_version: ['ios-42.0'] } };

/** Transcripts of the fixture: the expert, a wanderer, a premature deep dive, a lucky guess, a wrong cause. */
export const PATHS: Record<string, Action[]> = {
  expert: [
    { at: 0, type: 'query', metric: 'ctr', groupBy: 'app_version' },
    { at: 60, type: 'query', metric: 'image_load_failure_rate', groupBy: 'app_version' },
    submit(120, right),
  ],
  wandering: [
    { at: 0, type: 'changelog' },
    { at: 40, type: 'query', metric: 'ctr', byDay: true },
    { at: 90, type: 'query', metric: 'ctr', groupBy: 'tenure' },
    { at: 140, type: 'query', metric: 'ctr', groupBy: 'region' },
    { at: 200, type: 'query', metric: 'ctr', groupBy: 'app_version' },
    { at: 260, type: 'inspect', view: 'stage_health' },
    { at: 330, type: 'query', metric: 'image_load_failure_rate', groupBy: 'app_version' },
    submit(400, right),
  ],
  premature: [
    { at: 0, type: 'inspect', view: 'confusion_matrix', component: 'image-encoder' },
    { at: 60, type: 'query', metric: 'image_load_failure_rate', groupBy: 'platform' },
    { at: 120, type: 'query', metric: 'ctr', groupBy: 'app_version' },
    submit(180, right),
  ],
  lucky: [submit(20, right)],
  wrongCause: [
    { at: 0, type: 'query', metric: 'ctr', groupBy: 'app_version' },
    { at: 60, type: 'changelog' },
    { at: 90, type: 'inspect', view: 'calibration_curve', component: 'ranker' },
    submit(150, { stage: 'ranking', component: 'ranker', cause: 'feedback-loop', segment: { app_version: ['ios-42.0'] } }),
  ],
};
