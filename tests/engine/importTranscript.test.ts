// Transcript import: only JSON of the current format and version; every refusal names the field.
import { describe, expect, it } from 'vitest';
import { importTranscript } from '../../src/engine/importTranscript.ts';

const head = '"format": "faultline-transcript", "version": 1';
const errors = (text: string) => {
  const r = importTranscript(text, 't.json');
  return r.ok ? [] : r.errors;
};

describe('importTranscript', () => {
  it('accepts a valid transcript', () => {
    const r = importTranscript(`{ ${head}, "scenario": "x", "actions": [{ "at": 0, "type": "query", "metric": "relevance", "groupBy": "tenure" }] }`, 't.json');
    expect(r.ok).toBe(true);
  });
  it('rejects text that is not JSON, without a stack', () => {
    expect(errors('format: faultline-transcript')).toEqual([expect.stringMatching(/^t\.json: not JSON/)]);
    expect(errors('')).toEqual([expect.stringMatching(/not JSON/)]);
  });
  it('rejects another format or a missing one', () => {
    expect(errors('{ "format": "har", "version": 1 }')).toEqual([expect.stringMatching(/format: must be "faultline-transcript", got "har"/)]);
    expect(errors('[1, 2]')).toEqual([expect.stringMatching(/a JSON object, got an array/)]);
  });
  it('rejects another version', () => {
    expect(errors('{ "format": "faultline-transcript", "version": 7, "actions": [] }')).toEqual([
      expect.stringMatching(/version: this Faultline reads transcript version 1, got 7 \(written by a newer Faultline/),
    ]);
  });
  it('names the field and the action index of an invalid action', () => {
    const e = errors(`{ ${head}, "actions": [
      { "at": 0, "type": "query", "metric": "relevance" },
      { "at": 5, "type": "query", "metric": "relevanse" },
      { "at": 9, "type": "inspect", "view": "confusion_matrix", "component": "image-encoder", "extra": 1 },
      { "at": 12, "type": "teleport" }
    ] }`);
    expect(e).toEqual([
      expect.stringMatching(/^t\.json:3:\d+: actions\[1\] \(query\)\.metric: unknown metric "relevanse" — did you mean "relevance"\?/),
      expect.stringMatching(/^t\.json:4:\d+: actions\[2\] \(inspect\)\.extra: unknown key "extra"/),
      expect.stringMatching(/^t\.json:5:\d+: actions\[3\]\.type: unknown action type "teleport"/),
    ]);
  });
  it('rejects actions out of time order and actions after the submission', () => {
    const e = errors(`{ ${head}, "actions": [
      { "at": 10, "type": "changelog" }, { "at": 5, "type": "hint" },
      { "at": 20, "type": "submit", "diagnosis": { "cause": "no-regression" } }, { "at": 30, "type": "note", "text": "x" } ] }`);
    expect(e).toEqual([
      expect.stringMatching(/actions\[1\] \(hint\)\.at: 5 s comes before the previous action/),
      expect.stringMatching(/actions\[3\] \(note\): comes after the diagnosis was submitted/),
    ]);
  });
});
