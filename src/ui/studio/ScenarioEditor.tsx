// The studio's code editor: CodeMirror 6 with YAML highlighting, completion and hover from the
// scenario JSON Schema (schemaAssist.ts), and the loader's own errors as diagnostics — the same
// `line:col: path: message` as `faultline validate`, so the editor and the CLI never disagree.
import { useEffect, useRef } from 'react';
import { basicSetup } from 'codemirror';
import { EditorView, hoverTooltip, keymap } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { linter, type Diagnostic } from '@codemirror/lint';
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import type { ScenarioError } from '../../scenario/errors.ts';
import { describeAt, suggestionsAt, type SchemaNode } from './schemaAssist.ts';

interface ScenarioEditorProps {
  initial: string;
  schema: SchemaNode;
  /** The loader's errors for a text (line and column 1-based). */
  validate(text: string): ScenarioError[];
  onChange(text: string): void;
  label: string;
}

/** An error's place in the document: its line and column, to the end of the word there. */
function diagnosticOf(view: EditorView, e: ScenarioError): Diagnostic {
  const doc = view.state.doc;
  const line = doc.line(Math.min(Math.max(1, e.line ?? 1), doc.lines));
  const from = Math.min(line.from + Math.max(0, (e.col ?? 1) - 1), line.to);
  const rest = doc.sliceString(from, line.to);
  const word = /^[^\s,}\]]*/.exec(rest)?.[0].length ?? 0;
  return { from, to: Math.min(line.to, from + Math.max(1, word)), severity: 'error', message: `${e.path ? `${e.path}: ` : ''}${e.message}` };
}

export function ScenarioEditor({ initial, schema, validate, onChange, label }: ScenarioEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ validate, onChange });
  latest.current = { validate, onChange };

  useEffect(() => {
    const complete = (context: CompletionContext): CompletionResult | null => {
      const word = context.matchBefore(/[\w.-]*/);
      if (!word || (word.from === word.to && !context.explicit && !/[:\-\s{[,]$/.test(context.state.sliceDoc(word.from - 1, word.from)))) return null;
      const { from, options } = suggestionsAt(schema, context.state.doc.toString(), context.pos);
      if (!options.length) return null;
      return { from, options: options.map((o) => ({ label: o.label, type: o.type === 'property' ? 'property' : 'enum', detail: o.detail, info: o.info })), validFor: /^[\w.-]*$/ };
    };
    const hover = hoverTooltip((v, pos) => {
      const found = describeAt(schema, v.state.doc.toString(), pos);
      if (!found) return null;
      return {
        pos: found.from,
        end: found.to,
        above: true,
        create() {
          const dom = document.createElement('div');
          dom.className = 'studio-hover';
          const name = document.createElement('strong');
          name.textContent = found.key; // text, never markup: descriptions are data
          const text = document.createElement('p');
          text.textContent = found.text;
          dom.append(name, text);
          return { dom };
        },
      };
    });
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: initial,
        extensions: [
          basicSetup,
          keymap.of([indentWithTab]),
          yaml(),
          autocompletion({ override: [complete] }),
          hover,
          linter((ed) => latest.current.validate(ed.state.doc.toString()).map((e) => diagnosticOf(ed, e)), { delay: 300 }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) latest.current.onChange(u.state.doc.toString());
          }),
          // tabindex: the editable area is focusable anyway; said so, axe knows the scroller around it is reachable.
          EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
        ],
      }),
    });
    view.current = v;
    return () => v.destroy();
    // The editor is made once per draft (the parent keys it); later text comes from typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return <div className="studio-editor" ref={host} data-testid="studio-editor" />;
}
