// The broken fixtures in tests/fixtures/broken and the one error each must give (shared by the
// loader and CLI tests).

/** Fixture → its one error. Lists of valid ids after "Valid …:" are left out (they grow). */
export const EXPECTED: Record<string, string> = {
  'syntax-error.yaml': 'syntax-error.yaml:10:21: timeline[0].text: this quoted string is never closed (missing closing quote)',
  'wrong-type.yaml': 'wrong-type.yaml:8:25: world.days: must be a whole number, got "fourteen"',
  'unknown-fault-kind.yaml':
    'unknown-fault-kind.yaml:10:11: faults[0].kind: unknown fault kind "encoder-mislabell" — did you mean "encoder-mislabel"?',
  'misspelt-metric.yaml': 'misspelt-metric.yaml:14:40: findings[0].revealedBy.metric: unknown metric "relevence" — did you mean "relevance"?',
  'out-of-range-rate.yaml': 'out-of-range-rate.yaml:14:13: faults[0].params.rate: must be at most 1, got 1.5',
  'oversize-world.yaml':
    'oversize-world.yaml:11:10: world.users: must be at most 200000 (larger worlds do not fit in a browser tab), got 5000000',
  'alias-bomb.yaml':
    'alias-bomb.yaml:12:9: hints[1][0]: YAML aliases expand too far (more than 50 expansions); write the values out instead of nesting aliases',
  'proto-key.yaml': 'proto-key.yaml:11:3: world.__proto__: the key "__proto__" is not allowed (it names a JavaScript object internal)',
  'script-tag.yaml':
    'script-tag.yaml:8:3: briefing: raw HTML (<script>) is not allowed in briefing; scenario text is rendered as plain markdown',
  'unknown-key.yaml': 'unknown-key.yaml:12:15: faults[0].params.rat: unknown key "rat" — did you mean "rate"? Keys here: aesthetics, label, rate',
};
