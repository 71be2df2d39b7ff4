// World generation progress: a labelled, accessible progress bar.
interface ProgressBarProps {
  fraction: number;
  label: string;
}

export function ProgressBar({ fraction, label }: ProgressBarProps) {
  const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div className="progress" data-testid="progress">
      <div className="progress-heading">
        <span className="progress-label" data-testid="progress-label">{label}</span>
        <span className="progress-percent">{percent}%</span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-label="Generating the world"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% — ${label}`}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="progress-note">The world is simulated in your browser, in a background worker.</p>
    </div>
  );
}
