// A scenario file that does not load: every error as `file:line:col: path: message`, each with
// the line of the file it points at and a caret under the column.
import { formatError, type ScenarioError } from '../../scenario/errors.ts';

export function ScenarioErrors({ fileName, text, errors, onDismiss }: {
  fileName: string;
  text: string;
  errors: ScenarioError[];
  onDismiss?: () => void;
}) {
  const lines = text.split(/\r?\n/);
  return (
    <section className="scenario-errors" role="alert" data-testid="scenario-errors" aria-label={`Errors in ${fileName}`}>
      <header className="scenario-errors-header">
        <h3>
          <span className="mono">{fileName}</span> does not load: {errors.length} {errors.length === 1 ? 'error' : 'errors'}
        </h3>
        {onDismiss && <button type="button" className="button button-quiet" onClick={onDismiss}>Dismiss</button>}
      </header>
      <ol className="scenario-error-list">
        {errors.map((e) => {
          const source = lines[e.line - 1];
          return (
            <li key={formatError(e)} className="scenario-error" data-testid="scenario-error">
              <div className="mono scenario-error-text">{formatError(e)}</div>
              {source !== undefined && source.trim() !== '' && (
                <pre className="scenario-error-source" aria-hidden="true">
                  <span className="scenario-error-lineno">{String(e.line).padStart(4)} │ </span>{source}{'\n'}
                  <span className="scenario-error-lineno">{' '.repeat(4)} │ </span>{' '.repeat(Math.max(0, e.col - 1))}<span className="caret">^</span>
                </pre>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
