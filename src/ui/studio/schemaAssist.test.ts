// Completion and hover read the path at the cursor from indentation and answer from the
// generated JSON Schema: the keys an object takes, the values a field takes, what a key means.
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../scenario/jsonSchema.ts';
import { describeAt, placeAt, suggestionsAt, type SchemaNode } from './schemaAssist.ts';

const schema = scenarioJsonSchema() as SchemaNode;
/** The text with the cursor where `|` is. */
const at = (text: string) => ({ text: text.replace('|', ''), offset: text.indexOf('|') });
const labels = (text: string) => {
  const { text: t, offset } = at(text);
  return suggestionsAt(schema, t, offset).options.map((o) => o.label);
};

describe('the place at the cursor', () => {
  it('follows blocks and list items up from the cursor', () => {
    const { text, offset } = at('id: x\nfaults:\n  - kind: feature-null\n    params:\n      |');
    expect(placeAt(text, offset)).toMatchObject({ path: ['faults', { item: true }, 'params'], mode: 'key' });
    const v = at('world:\n  seed: 1\ndifficulty: me|');
    expect(placeAt(v.text, v.offset)).toMatchObject({ path: [], mode: 'value', key: 'difficulty', from: v.offset - 2 });
  });
});

describe('completion', () => {
  it('offers the top-level sections, the world\'s sizes and a field\'s values', () => {
    expect(labels('schemaVersion: 1\n|')).toEqual(expect.arrayContaining(['id', 'briefing', 'claims', 'world', 'faults', 'examples']));
    expect(labels('schemaVersion: 1\n|')).not.toContain('schemaVersion');
    expect(labels('world:\n  seed: 1\n  |')).toEqual(expect.arrayContaining(['days', 'users', 'items', 'mix']));
    expect(labels('difficulty: |')).toEqual(['intro', 'medium', 'hard']);
  });

  it('offers every fault kind, then the parameters of the kind written', () => {
    expect(labels('faults:\n  - kind: |')).toEqual(expect.arrayContaining(['encoder-mislabel', 'source-outage', 'experiment-interference']));
    const params = labels('faults:\n  - kind: source-outage\n    onsetDay: 8\n    params:\n      |');
    expect(params).toContain('source');
    expect(params).not.toContain('aesthetics');
  });

  it('offers a claim\'s fields and its metrics', () => {
    expect(labels('claims:\n  - says: x\n    |')).toEqual(expect.arrayContaining(['metric', 'compare', 'change', 'within', 'values']));
    expect(labels('claims:\n  - says: x\n    metric: |')).toEqual(expect.arrayContaining(['relevance', 'ctr', 'save_rate']));
  });
});

describe('completion in flow collections (the starter writes timeline and distractors so)', () => {
  it('offers an item\'s keys, then a key\'s values, inside { … } on a list item', () => {
    expect(labels('timeline:\n  - { day: 6, |')).toEqual(expect.arrayContaining(['component', 'text']));
    expect(labels('timeline:\n  - { day: 6, |')).not.toContain('day');
    expect(labels('timeline:\n  - { day: 6, component: im|')).toEqual(expect.arrayContaining(['image-encoder', 'ranker']));
  });

  it('reads the kind written in the same braces, and nested braces under a key', () => {
    const params = labels('distractors:\n  - { kind: mix-shift, onsetDay: 8, params: { |');
    expect(params).toEqual(expect.arrayContaining(['tenure', 'factor']));
    expect(params).not.toContain('amplitude');
    const onKey = labels('faults:\n  - kind: embedding-collapse\n    onsetDay: 6\n    params: { str|');
    expect(onKey).toEqual(expect.arrayContaining(['aesthetics', 'strength']));
  });

  it('offers a list\'s item values inside [ … ], and nothing inside a quoted string', () => {
    expect(labels('faults:\n  - kind: embedding-collapse\n    params: { aesthetics: [cottagecore, |')).toEqual(expect.arrayContaining(['goblincore', 'dark-academia']));
    expect(labels('claims:\n  - { says: "new users| ')).toEqual([]);
  });
});

describe('hover', () => {
  it('explains a key inside braces too', () => {
    const { text, offset } = at('timeline:\n  - { day: 6, compo|nent: ranker, text: "x: y" }\n');
    expect(describeAt(schema, text, offset)).toMatchObject({ key: 'component', text: expect.stringMatching(/component the entry is about/i) });
    const quoted = at('timeline:\n  - { day: 6, text: "x|: y" }\n');
    expect(describeAt(schema, quoted.text, quoted.offset)).toBeNull();
  });

  it('says what a key means, in the schema\'s words', () => {
    const { text, offset } = at('world:\n  us|ers: 8000\n');
    expect(describeAt(schema, text, offset)).toMatchObject({ key: 'users', text: expect.stringMatching(/^Users/) });
    const kind = at('faults:\n  - kind: feature-null\n    onset|Day: 8\n');
    expect(describeAt(schema, kind.text, kind.offset)?.text).toMatch(/first day the fault is in effect/);
    expect(describeAt(schema, 'briefing: some text', 14)).toBeNull();
  });
});
