// The demo org's activity (about 150,000 records, a quarter of a second to generate) depends only
// on the seed and the creation instant, and test after test makes the same org again. The last few
// are kept and copied (a tenth of the time, and far less garbage) instead of generated again.
import { generateActivity } from './activity';
import type { Org } from './model';
import { createRng, type Rng } from './prng';

/** The parts of an org that generateActivity fills (and that reading them calls for). */
export const ACTIVITY = [
  'states',
  'schedules',
  'tickets',
  'timeOff',
  'timeOffUpdates',
  'edits',
  'conversations',
  'plans',
  'activityUntil',
  'scheduledUntil',
] as const;

type Activity = Pick<Org, (typeof ACTIVITY)[number]>;

/** Orgs kept: a test file mostly makes one org over and over; two cover a file that alternates. */
const KEEP = 2;
const kept = new Map<string, { activity: Activity; idState: number }>();

// Every activity record is flat (strings, numbers, null), so a copy of each record is a deep copy;
// plans are never changed, so they are shared.
const copyList = <T extends object>(list: readonly T[]): T[] => list.map((record) => ({ ...record }));
const copyLists = <T extends object>(byAgent: Map<string, T[]>) =>
  new Map([...byAgent].map(([agent, list]) => [agent, copyList(list)]));

function copyActivity(from: Activity): Activity {
  return {
    states: copyLists(from.states),
    schedules: copyLists(from.schedules),
    tickets: copyList(from.tickets),
    timeOff: copyList(from.timeOff),
    timeOffUpdates: copyList(from.timeOffUpdates),
    edits: copyList(from.edits),
    conversations: copyList(from.conversations),
    plans: new Map(from.plans),
    activityUntil: from.activityUntil,
    scheduledUntil: from.scheduledUntil,
  };
}

/**
 * Fills the org's activity as generateActivity(org, rng) would, and leaves its new ids where they
 * would then stand (idRng draws the ids of generated records). `key` names the seed and instant.
 */
export function fillActivity(org: Org, rng: Rng, idRng: Rng, key: string): void {
  const hit = kept.get(key);
  if (!hit) {
    generateActivity(org, rng);
    kept.set(key, { activity: copyActivity(org), idState: idRng.state() });
    for (const oldest of kept.keys()) if (kept.size > KEEP) kept.delete(oldest);
    return;
  }
  kept.delete(key);
  kept.set(key, hit);
  Object.assign(org, copyActivity(hit.activity));
  const ids = createRng(hit.idState);
  org.newId = () => ids.uuid();
}
