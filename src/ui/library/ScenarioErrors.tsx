// A scenario file that does not load: every error as `file:line:col: path: message`, each with
// the line of the file it points at and a caret under the column.
import { formatError, type ScenarioError } from '../../scenario/errors.ts';

export function ScenarioErrors({ fileName, text, errors, onDismiss }: {
  fileName: string;
  text: string;
  errors: ScenarioError[];
  onDismiss?: () => void;
}) {
  const lines = text.split(/\r\n?|\n/);
  // A capped list ends with an entry that stands for the errors not shown.
  const omitted = errors.at(-1)?.omitted ?? 0;
  const total = errors.length - (omitted ? 1 : 0) + omitted;
  return (
    <section className="scenario-errors" role="alert" data-testid="scenario-errors" aria-label={`Errors in ${fileName}`}>
      <header className="scenario-errors-header">
        <h3>
          <span className="mono">{fileName}</span> does not load: {total.toLocaleString('en')} {total === 1 ? 'error' : 'errors'}
          {omitted > 0 && <span className="muted"> (the first {errors.length - 1} shown)</span>}
        </h3>
        {onDismiss && <button type="button" className="button button-quiet" onClick={onDismiss}>Dismiss</button>}
      </header>
      <ol className="scenario-error-list">
        {errors.map((e) => {
          const source = e.omitted ? undefined : excerpt(lines[e.line - 1], e.col);
          return (
            <li key={formatError(e)} className="scenario-error" data-testid="scenario-error">
              <div className="mono scenario-error-text">{formatError(e)}</div>
              {source && source.text.trim() !== '' && (
                <pre className="scenario-error-source" aria-hidden="true">
                  <span className="scenario-error-lineno">{String(e.line).padStart(4)} │ </span>{source.text}{'\n'}
                  <span className="scenario-error-lineno">{' '.repeat(4)} │ </span>{' '.repeat(Math.max(0, source.caret))}<span className="caret">^</span>
                </pre>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** At most WIDE characters of a source line around the column (a 200 kB line is shown as a window), and where the caret goes in it. */
const WIDE = 120;
function excerpt(line: string | undefined, col: number): { text: string; caret: number } | undefined {
  if (line === undefined) return undefined;
  if (line.length <= WIDE) return { text: line, caret: col - 1 };
  const start = Math.max(0, Math.min(col - 1 - WIDE / 2, line.length - WIDE));
  const text = `${start > 0 ? '…' : ''}${line.slice(start, start + WIDE)}${start + WIDE < line.length ? '…' : ''}`;
  return { text, caret: col - 1 - start + (start > 0 ? 1 : 0) };
}
