// The world at a glance: what it is a function of (seed, sizes) and its fingerprint (digest).
import type { ReactNode } from 'react';
import { format } from 'd3-format';
import type { WorldSizes } from '../../sim/config.ts';
import type { WorldState } from '../useWorld.ts';

const integer = format(',');

interface WorldSummaryProps {
  seed: number;
  sizes: WorldSizes;
  world: WorldState;
}

export function WorldSummary({ seed, sizes, world }: WorldSummaryProps) {
  const info = world.status === 'ready' ? world.info : null;
  const pending = world.status === 'failed' ? '—' : 'generating…';
  return (
    <dl className="summary" aria-label="World summary">
      <Stat label="Seed" value={<span className="mono">{seed}</span>} />
      <Stat
        label="World digest"
        value={info ? <span className="mono" data-testid="world-digest" data-kept={String(info.kept)}>{info.digest}</span> : <Pending text={pending} />}
      />
      <Stat
        label="Impressions"
        value={info ? <span data-testid="impressions">{integer(info.impressions)}</span> : <Pending text={pending} />}
      />
      <Stat label="Window" value={`Days 1–${info?.days ?? sizes.days}`} />
      <Stat label="Users" value={integer(sizes.users)} />
      <Stat label="Items" value={integer(sizes.items)} />
    </dl>
  );
}

function Stat({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Pending({ text }: { text: string }) {
  return <span className="pending">{text}</span>;
}
