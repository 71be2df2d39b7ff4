// The starter file `faultline new <id>` writes: every section, commented, and valid as written —
// an author edits a working scenario instead of starting from a blank page.
import { CURRENT_SCHEMA_VERSION } from './version.ts';
import { DEFAULT_SEED } from '../sim/config.ts';

/** `schemaPath`: where the JSON Schema is, relative to the new file (editor completion). */
export function starterScenario(id: string, schemaPath = './scenario.schema.json'): string {
  return `# yaml-language-server: $schema=${schemaPath}
#
# A Faultline scenario. The authoring guide (scenarios/README.md) explains every section and
# every fault and distractor kind. Check your edits with:  npx faultline validate <this file>
schemaVersion: ${CURRENT_SCHEMA_VERSION}
id: ${id}                         # kebab-case; keep it equal to the file name
title: Click-through fell on one platform
difficulty: intro                 # intro | medium | hard

# What the interviewer says. Give the numbers a real alert would; never name the answer.
# Plain markdown: raw HTML is refused.
briefing: |
  Android click-through is down about 40% since day 6; iOS and web look flat.
  Saves per session have not moved. How do you debug it?

# The world: the seed makes it reproducible; sizes and segment mix are optional.
world:
  seed: ${DEFAULT_SEED}
  days: 14
  # users: 20000
  # items: 40000
  # mix: { core: 0.4, casual: 0.6, newPerDay: 0.012 }

# What the changelog shows the learner: true leads and false ones.
timeline:
  - { day: 6, component: event-logger, text: "client logging library 3.2 shipped to all platforms" }
  - { day: 8, text: "Homepage redesign experiment paused" }

# The faults. params are optional: every parameter has a default. A value written as
# { pick: N, from: [...] } is a variant: the seed picks N of them (then keep the briefing
# from naming the pick), e.g.  platform: { pick: 1, from: [android, ios] }
faults:
  - kind: event-logging-loss
    onsetDay: 6
    params:
      platform: android
      rate: 0.4

# Real changes that are not the fault: what a careless learner chases.
distractors:
  - { kind: seasonality, onsetDay: 1, params: { amplitude: 0.08 } }

# Optional: the right answer, when you want to state it rather than let the engine derive it.
# answer:
#   stage: logging
#   component: event-logger
#   cause: event-logging-loss
#   segment: { platform: [android] }

# Optional: evidence, and the kind of action that reveals it.
findings:
  - id: clicks-fall-saves-hold
    text: Clicks fall on one platform from day 6 while saves, logged on the server, hold steady.
    revealedBy: { type: query, metric: ctr, groupBy: platform }

# Optional: hints, from gentlest to most revealing.
hints:
  - Which outcomes are measured on the client, and which on the server?

# Optional: score weights (relative), tools, and a time limit for interview mode.
# rubric: { correctness: 0.4, directness: 0.3, evidence: 0.2, efficiency: 0.1 }
# tools: { contrast: true, hints: true }
# timeLimitMinutes: 30

# Shown after the learner submits.
debrief: |
  The client logging library dropped a share of click events on one platform from day 6. Users
  behaved exactly as before — saves, which the server records, never moved.

# Optional: transcripts with the score range they must get (the scenario's own tests).
# examples:
#   - name: the expert path
#     transcript: transcripts/${id}-expert.json
#     expect: { min: 80, max: 100 }
`;
}
