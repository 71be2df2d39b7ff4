// Rule: serving a day is a pure function of the day's serving state and who visits. A day's
// visits (drawn up front, in user order) are cut into shards of consecutive users; each shard is
// served on its own — this thread or a worker — into its own logs, training rows and engagement
// counts, which are joined in shard order. Users never read each other's same-day state (the
// counters are last night's; a history is its own user's), so any cut gives the same world.
import { keyedStreams, normalFrom, stream } from './random.ts';
import { activityOn, tenureOn } from './world/users.ts';
import { RECENT } from './world/history.ts';
import type { ServingDay } from './pipeline/serving.ts';
import { serveSession, type DayCounts } from './pipeline/session.ts';
import type { RequestScratch } from './pipeline/scratch.ts';
import type { TopK } from './pipeline/clusterIndex.ts';
import { sessionLogBuilders, TrainingBuffer, type SessionLogs } from './logs/builders.ts';

/** Who opens the app on a day, in user order, and on which surface. */
export interface Visits {
  users: Int32Array;
  surfaces: Uint8Array;
}

/**
 * The day's visits: two draws per user from the day's stream, whether or not they show up, so
 * days stay aligned whatever the activity.
 */
export function dayVisits(seed: number, s: Pick<ServingDay, 'day' | 'users' | 'spec'>, userShare: number): Visits {
  const { users } = s;
  const dayRng = stream(seed, `day/${s.day}/sessions`);
  const activity = userShare * s.spec.behaviour.activityMultiplier;
  const who = new Int32Array(users.count);
  const surfaces = new Uint8Array(users.count);
  let n = 0;
  for (let user = 0; user < users.count; user++) {
    const uActive = dayRng();
    const uSurface = dayRng();
    if (users.signupDay[user] > s.day) continue;
    if (uActive >= activityOn(users, user, s.day) * activity) continue;
    who[n] = user;
    surfaces[n++] = uSurface < 0.8 ? 0 : 1;
  }
  return { users: who.slice(0, n), surfaces: surfaces.slice(0, n) };
}

/**
 * What serving one shard produced. Logs hold this day's rows only — null on unlogged days, and
 * when the shard wrote straight into the world's own logs (the first shard, on this thread).
 */
export interface ShardResult {
  logs: { [K in keyof SessionLogs]: Pick<SessionLogs[K], 'columns' | 'rows'> } | null;
  training: Pick<TrainingBuffer, 'rows' | 'x' | 'position' | 'label' | 'arm' | 'match'>;
  counts: DayCounts;
  /** The histories of the shard's users afterwards: users [firstUser, firstUser + recentCount.length). */
  history: { firstUser: number; recent: Int32Array; recentCount: Int32Array };
}

export function emptyCounts(items: number): DayCounts {
  return { impressions: new Int32Array(items), clicks: new Int32Array(items), saves: new Int32Array(items) };
}

/**
 * Serves visits [from, to) of the day. Request ids run from `requestBase` (the visits before the
 * shard are numbered first); `logged` days write logs sized `days` long — into `into` when given
 * (the world's own builders, already at this day: no copy to make afterwards).
 */
export function serveShard(
  s: ServingDay,
  seed: number,
  visits: Visits,
  from: number,
  to: number,
  requestBase: number,
  logged: { days: number } | null,
  scratch: RequestScratch,
  sourceTop: TopK,
  into?: SessionLogs,
): ShardResult {
  const sessionStreams = keyedStreams(seed, 'sessions');
  const own = logged && !into ? sessionLogBuilders(logged.days, Math.max(1024, (to - from) * 16)) : null;
  if (own) for (const b of Object.values(own) as SessionLogs[keyof SessionLogs][]) b.startDay(s.day);
  const logs = logged ? (into ?? own) : null;
  const training = new TrainingBuffer();
  const counts = emptyCounts(s.items.count);
  for (let v = from; v < to; v++) {
    const user = visits.users[v];
    const retrievalRng = sessionStreams(s.day + 64, user, 0);
    const behaviourRng = sessionStreams(s.day + 64, user, 1);
    serveSession(
      s,
      {
        user,
        tenure: tenureOn(s.users, user, s.day),
        surface: visits.surfaces[v],
        request: logs ? requestBase + (v - from) : 0,
        indexAgeHours: 24 * (s.day - 1 - s.indexBuiltThrough) + 24 * retrievalRng(),
        retrievalRng,
        retrievalNormal: normalFrom(retrievalRng),
        behaviourRng,
        normal: normalFrom(behaviourRng),
        featureRng: sessionStreams(s.day + 64, user, 2),
      },
      scratch,
      sourceTop,
      logs,
      training,
      counts,
    );
  }
  const first = from < to ? visits.users[from] : 0;
  const last = from < to ? visits.users[to - 1] + 1 : 0;
  const h = s.history;
  return {
    logs: own,
    training,
    counts,
    history: { firstUser: first, recent: h.recent.subarray(first * RECENT, last * RECENT), recentCount: h.recentCount.subarray(first, last) },
  };
}
