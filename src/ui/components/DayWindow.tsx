// A day window picker: first and last day, each kept on its side of the other.
interface DayWindowProps {
  window: readonly [number, number];
  days: number;
  disabled: boolean;
  onChange: (window: [number, number]) => void;
  /** Accessible names of the two selects, e.g. "First day" / "Last day". */
  labels?: readonly [string, string];
  testIds?: readonly [string, string];
}

export function DayWindow({ window: [first, last], days, disabled, onChange, labels = ['First day', 'Last day'], testIds }: DayWindowProps) {
  const dayOptions = Array.from({ length: days }, (_, i) => i + 1).map((d) => <option key={d} value={d}>{d}</option>);
  return (
    <fieldset className="control control-window" disabled={disabled}>
      <legend className="control-label">Days</legend>
      <select aria-label={labels[0]} data-testid={testIds?.[0]} value={first} onChange={(e) => onChange([Number(e.target.value), Math.max(Number(e.target.value), last)])}>
        {dayOptions}
      </select>
      <span aria-hidden="true">–</span>
      <select aria-label={labels[1]} data-testid={testIds?.[1]} value={last} onChange={(e) => onChange([Math.min(first, Number(e.target.value)), Number(e.target.value)])}>
        {dayOptions}
      </select>
    </fieldset>
  );
}
