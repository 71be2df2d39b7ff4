// Files that are broken on a bad day, or written to hurt: they stay small and fast to report. At
// most 50 errors and a count of the rest; nesting past the documented limit said as such before
// the parser recurses; tagged values reported once, never decoded and checked item by item; any
// value quoted back cut short; old Mac line endings read as lines; the right noun in size errors;
// every kind of link and raw HTML the guide refuses, refused.
import { describe, expect, it } from 'vitest';
import { loadScenario, loadTranscript } from '../../src/scenario/load.ts';
import { formatError, MAX_ERRORS } from '../../src/scenario/errors.ts';
import { importTranscript } from '../../src/engine/importTranscript.ts';
import { HEAD as MINIMAL } from './minimalHead.ts';

const HEAD = `${MINIMAL}faults: []\n`;
const errorsOf = (text: string) => {
  const r = loadScenario(text, 'f.yaml');
  return r.ok ? [] : r.errors;
};

describe('a hostile or badly broken scenario file', () => {
  it('reports at most 50 errors, then how many more there are', () => {
    // One stray line near the top (an unclosed bracket), then thousands of lines the parser cannot place.
    const flood = HEAD.replace('id: test-scenario\n', 'id: test-scenario\n  stray: [\n') + Array.from({ length: 3000 }, (_, i) => `- item${i}: x`).join('\n');
    const errors = errorsOf(flood);
    expect(errors).toHaveLength(MAX_ERRORS + 1);
    const last = errors.at(-1)!;
    expect(last.omitted).toBeGreaterThan(100);
    expect(last.message).toMatch(/^and [\d,]+ more errors not shown; fix the first ones/);
  });

  it('says "nested more than 64 levels deep", with its line, however deep (flow or block), without overflowing the stack', () => {
    const flow = errorsOf(HEAD + 'tools: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n');
    expect(flow.map(formatError)).toEqual([expect.stringMatching(/^f\.yaml:8:\d+: nested more than 64 levels deep$/)]);
    const block = errorsOf(HEAD + 'tools:\n' + Array.from({ length: 600 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n') + ' 1\n');
    expect(block.map(formatError)).toEqual([expect.stringMatching(/^f\.yaml:\d+:\d+: (tools\..*: )?nested more than 64 levels deep$/)]);
    // Just past the limit, the parsed tree says it at the place it happens.
    const seventy = errorsOf(HEAD + 'tools: ' + '['.repeat(70) + ']'.repeat(70) + '\n');
    expect(seventy.some((e) => /nested more than 64 levels deep/.test(e.message))).toBe(true);
  });

  it('stops nothing that nests within the limit, block scalars and quoted brackets included', () => {
    const text = HEAD.replace('faults: []\n', '') + 'debrief: |\n' + Array.from({ length: 200 }, (_, i) => `${' '.repeat(2 + (i % 40))}[[[[ line ${i}`).join('\n') +
      '\nhints: ["[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["]\nfaults: []\n';
    expect(errorsOf(text).map(formatError)).toEqual([]);
  });

  it('reads YAML 1.2 only, so that no tag is decoded while parsing', () => {
    expect(errorsOf(`%YAML 1.1\n---\n${HEAD}`).map(formatError)).toEqual(['f.yaml:1:1: YAML 1.1 is not read; scenario files are YAML 1.2: remove the "%YAML" line']);
    expect(errorsOf(`%YAML 1.2\n---\n${HEAD}`)).toEqual([]);
  });

  it('reports a tagged value once, not what the tag decoded it into', () => {
    const tagged = `${HEAD.replace('faults: []\n', 'faults: !!set { a, b, c }\n')}hints: !!binary aGVsbG8gd29ybGQ=\n`;
    const errors = errorsOf(tagged).map((e) => `${e.path}: ${e.message}`);
    expect(errors.filter((e) => /YAML tags/.test(e))).toHaveLength(2);
    expect(errors.every((e) => !/^(faults|hints)\[/.test(e)), errors.join('\n')).toBe(true);
  });

  it('cuts any value it quotes back: a 250,000-character key gives a short message', () => {
    for (const text of [HEAD + 'k'.repeat(250_000) + ': 1\n', HEAD + `tools: { ${'x'.repeat(1000)}: 1, ${'y'.repeat(1000)}: 2 }\n`, HEAD + `k${'z'.repeat(900)}: 1\nk${'z'.repeat(900)}: 2\n`]) {
      const errors = errorsOf(text);
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) expect(formatError(e).length).toBeLessThan(700);
    }
  });

  it('reads old Mac line endings (CR alone) as lines, with the same errors and positions as LF', () => {
    const lf = HEAD.replace('difficulty: intro', 'difficulty: easy');
    expect(errorsOf(lf.replace(/\n/g, '\r')).map(formatError)).toEqual(errorsOf(lf).map(formatError));
    expect(errorsOf(HEAD.replace(/\n/g, '\r'))).toEqual([]);
  });

  it('refuses raw HTML however it is written, and every link that is not http, https or mailto', () => {
    const briefing = (text: string) => errorsOf(HEAD.replace('briefing: Click-through fell. How do you debug it?', `briefing: ${JSON.stringify(text)}`)).map((e) => e.message);
    for (const html of ['<svg/onload=alert(1)>', '<img/src=x/onerror=alert(1)>', '<IFRAME src=x>', '<!-- hidden -->']) {
      expect(briefing(`see ${html}`), html).toEqual([expect.stringMatching(/^raw HTML .* is not allowed in briefing/)]);
    }
    for (const [text, scheme] of [
      ['see [x][r]\n\n[r]: javascript:alert(1)', 'javascript'],
      ['see <javascript:alert(1)>', 'javascript'],
      ['see <data:text/html,hi>', 'data'],
      ['[x](javascript&#58;alert(1))', 'javascript'],
      ['![x](vbscript:msgbox)', 'vbscript'],
      ['[x](file:///etc/passwd)', 'file'],
    ]) {
      expect(briefing(text), text).toEqual([`a "${scheme}:" link is not allowed in briefing; links must be http(s) or mailto`]);
    }
    expect(briefing('CTR < 5% for <https://example.com> users; [mail](mailto:a@b.c), [part](#part), a<b')).toEqual([]);
  });
});

describe('a hostile or badly broken transcript', () => {
  const transcript = (actions: string) =>
    `{"format": "faultline-transcript", "version": 1, "scenario": "x", "mode": "practice",\n"actions": [\n${actions}]}`;

  it('is called a transcript in a size error', () => {
    const big = transcript(Array.from({ length: 1400 }, () => `{"at": 1, "type": "note", "text": "${'x'.repeat(200)}"}`).join(',\n'));
    const r = loadTranscript(big, 't.json');
    expect(!r.ok && r.errors.map(formatError)).toEqual([expect.stringMatching(/^t\.json:1:1: the file is \d+ KiB; transcripts are limited to 256 KiB$/)]);
  });

  it('says at which line a NaN (not JSON) stands', () => {
    const r = importTranscript(transcript('{"at": NaN, "type": "note", "text": "x"}'), 't.json');
    expect(!r.ok && r.errors).toEqual(['t.json: not JSON (unexpected "NaN" at line 3, column 8); a transcript is a JSON object with "format": "faultline-transcript"']);
  });

  it('refuses a time no attempt could take (1e308 seconds)', () => {
    const r = importTranscript(transcript('{"at": 1e308, "type": "note", "text": "x"}'), 't.json');
    expect(!r.ok && r.errors).toEqual(['t.json:3:8: actions[0] (note).at: must be at most 864000, got 1e+308']);
  });
});
