// The changelog: closed until the learner opens it (opening it is a move), then every entry
// with its day and component. The same entries are tagged on the explorer's time axis.
import type { ChangelogEntry } from './changelog.ts';
import { attend } from './attention.ts';

interface ChangelogPanelProps {
  entries: ChangelogEntry[] | null;
  opened: boolean;
  onOpen: () => void;
}

export function ChangelogPanel({ entries, opened, onOpen }: ChangelogPanelProps) {
  return (
    <section className="side-panel" aria-labelledby="changelog-title">
      <h2 id="changelog-title" className="side-title" tabIndex={-1}>
        Changelog {entries && <span className="side-count">{entries.length}</span>}
      </h2>
      {!opened ? (
        <button type="button" className="button button-secondary button-block" onClick={() => {
            onOpen();
            attend('changelog-title', { scroll: false }); // the button is gone: the entries' heading has the focus
          }} disabled={!entries} data-testid="open-changelog">
          Open the changelog
        </button>
      ) : entries && entries.length === 0 ? (
        <p className="side-empty">Nothing was deployed or announced in this window.</p>
      ) : (
        <ol className="changelog" data-testid="changelog">
          {entries?.map((e) => (
            <li key={e.tag} className="changelog-entry">
              <span className="changelog-tag">{e.tag}</span>
              <span className="changelog-day">Day {e.day}</span>
              <span className="changelog-text">
                {e.component && <span className="component-chip mono">{e.component}</span>} {e.text}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
