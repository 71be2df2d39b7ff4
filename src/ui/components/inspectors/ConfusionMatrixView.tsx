// The image encoder's confusion matrix on the labelled evaluation set: quality labels (true ×
// predicted) with row shares, and per-aesthetic rates — how often each class is called
// low-quality, how often it truly is, and how often a fine image is wrongly called low-quality.
import type { ConfusionMatrixView as View } from '../../../sim/inspect/confusionMatrix.ts';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const count = (v: number) => v.toLocaleString('en-US');

export function ConfusionMatrixView({ result }: { result: View }) {
  const rows = result.quality;
  const maxFalse = Math.max(0.0001, ...result.perClass.map((c) => c.falseLowRate));
  return (
    <div className="inspector-grid">
      <div>
        <h3 className="inspector-subtitle">Quality label — true × predicted</h3>
        <table className="data-table confusion" data-testid="confusion-quality">
          <thead>
            <tr>
              <th scope="col">true ↓ / predicted →</th>
              {result.labels.map((l) => <th key={l} scope="col">{l}</th>)}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, t) => {
              const total = row.reduce((a, b) => a + b, 0) || 1;
              return (
                <tr key={result.labels[t]}>
                  <th scope="row">{result.labels[t]}</th>
                  {row.map((v, p) => (
                    <td key={p} className={t === p ? 'cell-diagonal' : 'cell-off'} style={{ ['--share' as string]: v / total }}>
                      <span className="cell-main">{count(v)}</span> <span className="cell-note">{pct(v / total)}</span>
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="inspector-note">Labelled item-days in days {result.window.join('–')}; shares are of each true label’s row.</p>
      </div>
      <div>
        <h3 className="inspector-subtitle">Per aesthetic</h3>
        {/* Focusable, so the table scrolls by keyboard when it is wider than its panel. */}
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Confusion per aesthetic">
          <table className="data-table" data-testid="confusion-per-class">
            <thead>
              <tr>
                <th scope="col">aesthetic</th>
                <th scope="col" className="num">n</th>
                <th scope="col" className="num">called low-quality</th>
                <th scope="col" className="num">truly low-quality</th>
                <th scope="col">fine images called low-quality</th>
                <th scope="col" className="num">aesthetic accuracy</th>
              </tr>
            </thead>
            <tbody>
              {result.perClass.map((c) => (
                <tr key={c.aesthetic} data-aesthetic={c.aesthetic}>
                  <th scope="row">{c.aesthetic}</th>
                  <td className="num">{count(c.n)}</td>
                  <td className="num">{pct(c.predictedLowShare)}</td>
                  <td className="num">{pct(c.trueLowShare)}</td>
                  <td>
                    <span className="inline-bar">
                      <span className="inline-bar-fill" style={{ width: `${(c.falseLowRate / maxFalse) * 100}%` }} />
                    </span>
                    <span className="num">{pct(c.falseLowRate)}</span>
                  </td>
                  <td className="num">{pct(c.aestheticAccuracy)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
