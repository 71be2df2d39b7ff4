// Recording an attempt as an example edits the draft's YAML as a document: comments and layout
// stay, the example joins the `examples:` list (made when absent), each transcript gets a path
// of its own, and the range sits around the score within 0–100.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scoreRange, transcriptPath, withExample } from './recordExample.ts';

const DRAFT = `# My scenario
id: mine   # same as the file name
title: Mine
briefing: |
  Something broke.
faults:
  - { kind: stale-index, onsetDay: 7 }
`;

describe('record as example', () => {
  it('adds the examples list, keeping the comments and the rest of the text', () => {
    const once = withExample(DRAFT, { name: 'the expert path', transcript: 'examples/the-expert-path.json', expect: { min: 80, max: 90 } });
    expect(once).toContain('# My scenario\n');
    expect(once).toMatch(/^id: mine +# same as the file name$/m);
    expect(once).toContain('briefing: |\n  Something broke.\n');
    expect(once).toContain('  - { kind: stale-index, onsetDay: 7 }\n');
    expect(once).toMatch(/examples:\n {2}- name: the expert path\n {4}transcript: examples\/the-expert-path\.json\n {4}expect: \{ min: 80, max: 90 \}\n$/);
    const twice = withExample(once, { name: 'a lucky guess', transcript: 'examples/a-lucky-guess.json', expect: { min: 0, max: 9 } });
    expect(parse(twice).examples).toEqual([
      { name: 'the expert path', transcript: 'examples/the-expert-path.json', expect: { min: 80, max: 90 } },
      { name: 'a lucky guess', transcript: 'examples/a-lucky-guess.json', expect: { min: 0, max: 9 } },
    ]);
  });

  it('names transcript files from the example name, never twice the same', () => {
    expect(transcriptPath('The expert path!', [])).toBe('examples/the-expert-path.json');
    expect(transcriptPath('the expert path', ['examples/the-expert-path.json'])).toBe('examples/the-expert-path-2.json');
    expect(transcriptPath('???', [])).toBe('examples/example.json');
  });

  it('sets the range five points either side of the score, within 0–100', () => {
    expect(scoreRange(73)).toEqual({ min: 68, max: 78 });
    expect(scoreRange(2)).toEqual({ min: 0, max: 7 });
    expect(scoreRange(98)).toEqual({ min: 93, max: 100 });
  });
});
