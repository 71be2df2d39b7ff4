// The loader's rules beyond the fixtures: every error at once, limits, plain data only, and the
// checks between sections.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario, loadTranscript } from '../../src/scenario/load.ts';
import { formatError } from '../../src/scenario/errors.ts';
import { starterScenario } from '../../src/scenario/starter.ts';
import { HEAD } from './minimalHead.ts';


const errorsOf = (text: string) => {
  const r = loadScenario(text, 'f.yaml');
  return r.ok ? [] : r.errors.map(formatError);
};

describe('loadScenario', () => {
  it('loads a minimal scenario with no faults (the answer is no-regression)', () => {
    const r = loadScenario(HEAD + 'faults: []\nanswer: { cause: no-regression }\n', 'f.yaml');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario.faults).toEqual([]);
  });

  it('fills parameter defaults from the catalogue', () => {
    const r = loadScenario(HEAD + 'faults: [{ kind: encoder-mislabel, onsetDay: 8, params: { rate: 0.5 } }]\n', 'f.yaml');
    expect(r.ok && r.scenario.faults[0].params).toEqual({
      aesthetics: { pick: 2, from: ['cottagecore', 'dark-academia', 'goblincore', 'grandmillennial'] },
      label: 'low-quality',
      rate: 0.5,
    });
  });

  it('requires faults (so a forgotten section is not silently a no-regression scenario)', () => {
    expect(errorsOf(HEAD)).toEqual([expect.stringMatching(/^f\.yaml:1:1: faults: is required/)]);
  });

  it('reports every error in the file at once, in reading order', () => {
    const errors = errorsOf(`schemaVersion: 1
id: Not Kebab
title: ok
difficulty: easy
briefing: ok
world: { seed: 1, days: 14, users: 10 }
faults:
  - { kind: encoder-mislabel, onsetDay: 20, params: { rate: 2, aesthetics: { pick: 1, from: [cottagecor] } } }
  - { kind: stale-index, onset: 3 }
distractors: [{ kind: mix-shit, onsetDay: 2 }]
`);
    expect(errors.map((e) => e.replace(/ Valid .*$/, ''))).toEqual([
      'f.yaml:2:5: id: must be kebab-case (lower-case words joined by hyphens, e.g. "cold-start-niche"), got "Not Kebab"',
      'f.yaml:4:13: difficulty: unknown value "easy".',
      'f.yaml:6:36: world.users: must be at least 200, got 10',
      'f.yaml:8:41: faults[0].onsetDay: day 20 is after the last day of the world (world.days is 14)',
      'f.yaml:8:61: faults[0].params.rate: must be at most 1, got 2',
      'f.yaml:8:94: faults[0].params.aesthetics.from[0]: unknown value "cottagecor" — did you mean "cottagecore"?',
      'f.yaml:9:5: faults[1].onsetDay: is required: the first day the fault is in effect (1 … world.days)',
      'f.yaml:9:26: faults[1].onset: unknown key "onset" — did you mean "onsetDay"? Keys here: kind, onsetDay, rampDays, params',
      'f.yaml:10:23: distractors[0].kind: unknown distractor kind "mix-shit" — did you mean "mix-shift"?',
    ]);
  });

  it('explains the branch of a variant the author meant', () => {
    const errors = errorsOf(HEAD + 'faults: [{ kind: source-outage, onsetDay: 3, params: { source: { pick: 2, from: [fresh, trending] } } }]\n');
    expect(errors).toEqual(['f.yaml:7:72: faults[0].params.source.pick: must be 1, got 2']);
    const tooMany = errorsOf(HEAD + 'faults: [{ kind: encoder-mislabel, onsetDay: 3, params: { aesthetics: { pick: 3, from: [boho] } } }]\n');
    expect(tooMany).toEqual(['f.yaml:7:71: faults[0].params.aesthetics: pick must not exceed the number of choices in from']);
  });

  it('checks segment values against their dimension, with did you mean', () => {
    const errors = errorsOf(HEAD + 'faults: []\nanswer: { cause: no-regression, segment: { tenure: [nwe], day: [15] } }\n');
    expect(errors).toEqual([
      'f.yaml:8:53: answer.segment.tenure[0]: unknown tenure value "nwe" — did you mean "new"? Valid values: new, casual, core',
      'f.yaml:8:65: answer.segment.day[0]: day 15 is after the last day of the world (world.days is 14)',
    ]);
  });

  it('checks that the answer agrees with the catalogue and the faults', () => {
    const errors = errorsOf(
      HEAD + 'faults: [{ kind: stale-index, onsetDay: 3 }]\nanswer: { stage: ranking, component: ranker, cause: encoder-mislabel }\n',
    );
    expect(errors).toEqual([
      'f.yaml:8:18: answer.stage: the cause encoder-mislabel is in ingestion, not ranking',
      'f.yaml:8:38: answer.component: the cause encoder-mislabel is in image-encoder, not ranker',
      "f.yaml:8:53: answer.cause: encoder-mislabel is not one of the scenario's faults (stale-index)",
    ]);
    expect(errorsOf(HEAD + 'faults: [{ kind: stale-index, onsetDay: 3 }]\nanswer: { cause: no-regression }\n')).toEqual([
      'f.yaml:8:18: answer.cause: is no-regression, but the scenario injects faults (stale-index)',
    ]);
  });

  it('refuses unknown keys at the top level, with the keys that exist', () => {
    expect(errorsOf(HEAD + 'faults: []\nhint: [try]\n')).toEqual([
      expect.stringMatching(/^f\.yaml:8:1: hint: unknown key "hint" — did you mean "hints"\? Keys here: schemaVersion, id, /),
    ]);
  });

  it('allows markdown with < and autolinks, refuses HTML and script links anywhere', () => {
    const ok = HEAD.replace('briefing: Click-through fell. How do you debug it?', 'briefing: "CTR < 5% for <https://example.com> users"') + 'faults: []\n';
    expect(errorsOf(ok)).toEqual([]);
    expect(errorsOf(HEAD + 'faults: []\nhints: ["see [docs](javascript:alert(1))"]\n')).toEqual([
      'f.yaml:8:21: hints[0]: a "javascript:" link is not allowed in hints; links must be http(s) or mailto',
    ]);
    expect(errorsOf(HEAD + 'faults: []\ntimeline: [{ day: 2, text: "<img src=x onerror=alert(1)>" }]\n')).toEqual([
      'f.yaml:8:29: timeline[0].text: raw HTML (<img src=x onerror=alert(1)>) is not allowed in timeline text; scenario text is rendered as plain markdown',
    ]);
  });

  it('reads plain data only: tags are errors and nothing is executed', () => {
    const errors = errorsOf(HEAD + 'faults: []\ndebrief: !!js/function "function () { throw new Error() }"\n');
    expect(errors).toEqual(['f.yaml:8:10: debrief: YAML tags (!!js/function) are not allowed; scenario files hold plain data']);
  });

  it('refuses constructor and prototype keys too', () => {
    expect(errorsOf(HEAD + 'faults: []\ntools: { constructor: 1 }\n')).toEqual([
      'f.yaml:8:10: tools.constructor: the key "constructor" is not allowed (it names a JavaScript object internal)',
    ]);
  });

  it('refuses files over 256 KiB before parsing them', () => {
    const big = HEAD + 'faults: []\ndebrief: |\n' + '  filler line of text\n'.repeat(14_000);
    expect(errorsOf(big)).toEqual([expect.stringMatching(/^f\.yaml:1:1: the file is \d+ KiB; scenario files are limited to 256 KiB$/)]);
  });

  it('explains duplicate keys, several documents, empty files and non-mappings', () => {
    expect(errorsOf(HEAD + 'faults: []\nfaults: []\n')).toEqual(['f.yaml:8:1: the key "faults" appears twice in the same mapping']);
    expect(errorsOf(HEAD + 'faults: []\n---\nid: two\n')).toEqual([
      'f.yaml:8:1: a scenario file holds one YAML document; remove the "---" separator',
    ]);
    expect(errorsOf('# nothing yet\n')).toEqual(['f.yaml:1:1: the file is empty; a scenario starts with "schemaVersion: 1"']);
    expect(errorsOf('- a\n- b\n')).toEqual(['f.yaml:1:1: must be a mapping (key: value), got a list']);
  });

  it('refuses a schemaVersion newer than it reads', () => {
    expect(errorsOf(HEAD.replace('schemaVersion: 1', 'schemaVersion: 2') + 'faults: []\n')).toEqual([
      'f.yaml:1:16: schemaVersion: 2 is newer than this Faultline reads (1); update Faultline to load this file',
    ]);
  });

  it('loads the starter file of faultline new, for any id', () => {
    for (const id of ['a', 'my-first-scenario', 'x2-y3']) expect(errorsOf(starterScenario(id))).toEqual([]);
  });
});

describe('loadTranscript', () => {
  it('reads the transcript of docs/transcripts.md and explains a bad action', () => {
    const design = {
      format: 'faultline-transcript',
      version: 1,
      scenario: 'cold-start-niche-aesthetics',
      seed: 20260415,
      mode: 'practice',
      actions: [
        { at: 0, type: 'query', metric: 'relevance', groupBy: 'tenure', window: [1, 14] },
        { at: 40, type: 'query', metric: 'relevance', groupBy: 'user_interest', filter: { tenure: ['new'] } },
        { at: 95, type: 'inspect', view: 'confusion_matrix', component: 'image-encoder', window: [8, 14] },
        {
          at: 150,
          type: 'submit',
          diagnosis: {
            stage: 'ingestion',
            component: 'image-encoder',
            cause: 'encoder-mislabel',
            segment: { tenure: ['new'], user_interest: ['cottagecore'] },
            remediation: 'roll back image-encoder v2; add a per-class evaluation gate',
          },
        },
      ],
    };
    expect(loadTranscript(JSON.stringify(design, null, 2), 't.json').ok).toBe(true);
    const bad = JSON.stringify({ ...design, actions: [{ at: 0, type: 'peek' }] }, null, 2);
    const r = loadTranscript(bad, 't.json');
    expect(!r.ok && r.errors.map(formatError)).toEqual([
      't.json:10:15: actions[0].type: unknown action type "peek". Valid action types: query, inspect, contrast, changelog, note, hint, submit',
    ]);
  });
});

describe('the flagship', () => {
  it('is the scenario of the authoring guide', () => {
    const r = loadScenario(readFileSync('scenarios/cold-start-niche-aesthetics.yaml', 'utf8'), 'f.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.scenario;
    expect([s.id, s.difficulty, s.world.seed, s.world.days]).toEqual(['cold-start-niche-aesthetics', 'medium', 20260415, 14]);
    expect(s.faults).toEqual([
      {
        kind: 'encoder-mislabel',
        onsetDay: 8,
        // The guide's four, less grandmillennial: too little of new users' feeds to carry the briefing.
        params: { aesthetics: { pick: 2, from: ['cottagecore', 'dark-academia', 'goblincore'] }, label: 'low-quality', rate: 0.7 },
      },
    ]);
    expect(s.distractors).toEqual([{ kind: 'mix-shift', onsetDay: 9, params: { tenure: 'new', factor: 3 } }]);
    expect(s.briefing).not.toMatch(/encoder|mislabel|cottagecore|dark-academia|goblincore|grandmillennial|quality label/i);
    expect(s.briefing).toMatch(/11%/);
  });
});
