// What one editor may keep in the shared Document properties (500 KB for everyone), so that no
// one's work fills the store for the others. Only what must stay counts against the share: work
// under way, and saved refreshes with room for their runs. Records of finished work are a
// courtesy (the sidebars show how it ended): they give way, the caller's oldest first.
import { isTerminal, type PullJob } from './jobs/pull-job';
import { type Caller, type Owned, owns } from './owner';
import type { Store } from './ports';
import { isSettled, type PushJob } from './push/push-job';
import type { Refresh } from './schedule/refresh';
import { utf8Length } from './utf8';

export const OWNER_BUDGET_BYTES = 80 * 1024;

/**
 * Finished this recently, a record may still be read: a sidebar polls at most 5 minutes apart, and
 * an execution that listed it before it finished lives at most 6 minutes. It never gives way.
 */
export const READ_GRACE_MS = 10 * 60_000;

/** A refresh's run is a job holding its spec again, with ids, progress and a message besides (~900 B). */
export const RUN_ROOM_BYTES = 1024;

/** What a record under each prefix is, in the words of a refusal. */
const WHAT = { 'job.': 'pull', 'push.': 'push', 'refresh.': 'refresh' } as const;

interface Held {
  /** The record's key; a refresh's room for its run has its refresh's. */
  key: string;
  bytes: number;
  /** A scheduled refresh (its record, its run, its room), or a pull or push under way. */
  kind: 'refresh' | 'work';
  /** When it finished, if it is finished work that may give way. */
  finishedAt: number | undefined;
}

const sizeOf = (key: string, value: unknown) => utf8Length(key) + utf8Length(JSON.stringify(value));
const sum = (held: Held[]) => held.reduce((n, h) => n + h.bytes, 0);
const kb = (bytes: number) => Math.ceil(bytes / 1024);

/** The caller's records, with `key` as `record` would make it, and the room their refreshes' runs keep. */
function holdings(store: Store, caller: Caller, key: string, record: unknown): Held[] {
  const mine = <T extends Owned>(prefix: string): [string, T][] => {
    const kept = store.entries<T>(prefix).filter(([k, r]) => k !== key && owns(caller, r));
    return key.startsWith(prefix) ? [...kept, [key, record as T]] : kept;
  };
  const held: Held[] = [];
  const hold = (key: string, value: unknown, kind: Held['kind'], finishedAt?: number) =>
    held.push({ key, bytes: sizeOf(key, value), kind, finishedAt });
  const refreshes = mine<Refresh>('refresh.');
  for (const [k, r] of refreshes) hold(k, r, 'refresh');
  // A finished run stays until its refresh has recorded how it ended.
  const awaited = new Set(refreshes.map(([, r]) => r.jobId));
  const running = new Set<string | undefined>();
  for (const [k, job] of mine<PullJob>('job.')) {
    const over = isTerminal(job) && !awaited.has(job.id);
    if (!over) running.add(job.refreshId);
    hold(k, job, job.refreshId ? 'refresh' : 'work', over ? job.updatedAt : undefined);
  }
  for (const [k, push] of mine<PushJob>('push.'))
    hold(k, push, 'work', isSettled(push) ? push.updatedAt : undefined);
  // A refresh not running now keeps room for its next run's job.
  for (const [k, r] of refreshes) {
    if (!running.has(r.id))
      held.push({
        key: k,
        bytes: sizeOf('', r.spec) + RUN_ROOM_BYTES,
        kind: 'refresh',
        finishedAt: undefined,
      });
  }
  return held;
}

export class OverBudget extends Error {
  constructor(what: string, needs: number, held: Held[]) {
    const refreshes = held.some((h) => h.kind === 'refresh');
    const work = held.some((h) => h.kind === 'work');
    const whose = [refreshes && 'scheduled refreshes', work && 'pulls and pushes under way'].filter(Boolean);
    const todo = !work
      ? 'delete a refresh you no longer need'
      : refreshes
        ? 'wait for a pull or push to finish, or delete a refresh you no longer need'
        : 'wait for one to finish';
    super(
      `This ${what} needs ${kb(needs)} KB, and your ${whose.join(' and ')} already take ${kb(sum(held))} KB of the ${kb(OWNER_BUDGET_BYTES)} KB each editor may keep in this spreadsheet: ${todo}, then try again.`,
    );
    this.name = 'OverBudget';
  }
}

/**
 * Makes room in the caller's share for `record`, about to be saved under `prefix`: the caller's
 * finished records give way, oldest first. When `refuse`, throws OverBudget if what must stay
 * leaves no room; a refresh's run is never refused, its room was kept when the refresh was saved.
 * Records finished within READ_GRACE_MS stay even when the share is passed for those minutes.
 */
export function makeRoom(
  store: Store,
  caller: Caller,
  prefix: keyof typeof WHAT,
  record: { id: string },
  now: number,
  refuse = true,
): void {
  const key = prefix + record.id;
  const held = holdings(store, caller, key, record);
  const staying = held.filter((h) => h.finishedAt === undefined);
  if (refuse && sum(staying) > OWNER_BUDGET_BYTES) {
    const [added, before] = [staying.filter((h) => h.key === key), staying.filter((h) => h.key !== key)];
    throw new OverBudget(WHAT[prefix], sum(added), before);
  }
  let total = sum(held);
  const oldest = held
    .filter((h) => h.finishedAt !== undefined && now - h.finishedAt >= READ_GRACE_MS)
    .sort((a, b) => (a.finishedAt ?? 0) - (b.finishedAt ?? 0));
  for (const h of oldest) {
    if (total <= OWNER_BUDGET_BYTES) return;
    store.delete(h.key);
    total -= h.bytes;
  }
}
