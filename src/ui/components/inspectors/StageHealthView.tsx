// Stage health: each stage's key metrics in the window against a baseline window, with the
// change and its z-score. The learner asked for it, so statuses are shown here.
import type { StageHealthView as View } from '../../../sim/inspect/stageHealth.ts';
import { formatChange, formatSigned, formatValue } from '../../../sim/query/format.ts';
import type { Unit } from '../../../sim/query/metrics.ts';

const STATUS_LABEL = { ok: 'ok', warn: 'watch', alert: 'alert' } as const;

export function StageHealthView({ result }: { result: View }) {
  return (
    <div>
      <p className="inspector-note">
        Days {result.window.join('–')} against the baseline days {result.baselineWindow.join('–')}.
      </p>
      <table className="data-table" data-testid="stage-health">
        <thead>
          <tr>
            <th scope="col">stage · metric</th>
            <th scope="col" className="num">baseline</th>
            <th scope="col" className="num">now</th>
            <th scope="col" className="num">change</th>
            <th scope="col" className="num">z</th>
            <th scope="col">status</th>
          </tr>
        </thead>
        {result.stages.map((s) => (
          <tbody key={s.stage}>
            <tr className="group-row">
              <th scope="rowgroup" colSpan={5}>{s.stage}</th>
              <td><span className={`status status-${s.status}`}>{STATUS_LABEL[s.status]}</span></td>
            </tr>
            {s.entries.map((e) => (
              <tr key={e.metric} title={e.ignoredFilters.length ? `Not sliced by ${e.ignoredFilters.join(', ')} (its log lacks them)` : undefined}>
                <th scope="row" className="indent">{e.label}</th>
                <td className="num">{formatValue(e.baseline, e.unit as Unit)}</td>
                <td className="num">{formatValue(e.current, e.unit as Unit)}</td>
                <td className="num">{formatChange(e.change)}</td>
                <td className="num">{e.z === null ? '—' : formatSigned(e.z)}</td>
                <td><span className={`status status-${e.status}`}>{STATUS_LABEL[e.status]}</span></td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
