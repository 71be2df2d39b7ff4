// The drafts this browser keeps (the studio's), newest first: each reopens in the studio, or is
// deleted after a confirmation. Read after the first paint (the drafts store loads then), and
// shown only when there is one.
import { useEffect, useState } from 'react';
import { navigate } from '../route.ts';
import type { Draft } from '../studio/drafts.ts';

const field = (text: string, key: string) => new RegExp(`^${key}:\\s*(.+?)\\s*(#.*)?$`, 'm').exec(text)?.[1]?.replace(/^["']|["']$/g, '') ?? null;

export function DraftList() {
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    import('../studio/drafts.ts')
      .then((m) => m.listDrafts())
      .then((d) => live && setDrafts(d), () => live && setProblem('The drafts kept in this browser could not be read.'));
    return () => {
      live = false;
    };
  }, []);
  const remove = (d: Draft) => {
    const name = field(d.text, 'id') ?? d.id;
    if (!window.confirm(`Delete the draft ${name}? Download it first to keep it.`)) return;
    void import('../studio/drafts.ts').then((m) => m.deleteDraft(d.id)).then(() => setDrafts((all) => all.filter((x) => x.id !== d.id)));
  };
  if (problem) return <p className="notice" role="status">{problem}</p>;
  if (!drafts.length) return null;
  return (
    <>
      <h2 className="section-title">Your drafts</h2>
      <ul className="draft-list" data-testid="drafts">
        {drafts.map((d) => {
          const id = field(d.text, 'id') ?? d.id;
          return (
            <li key={d.id} className="draft-item" data-testid="draft">
              <button type="button" className="link-button draft-open" onClick={() => navigate(`?studio=${encodeURIComponent(d.id)}`)}>
                <span className="mono">{id}.yaml</span> — {field(d.text, 'title') ?? 'untitled'}
              </button>
              <span className="muted draft-when">edited {new Date(d.updated).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}</span>
              <button type="button" className="button button-quiet button-small" onClick={() => remove(d)} aria-label={`Delete the draft ${id}`}>
                Delete
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
