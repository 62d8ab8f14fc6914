// Report numbers computed from the org's data (never random):
//   adherence    per agent per bucket: seconds scheduled (work, break, lunch) and seconds in the matching
//                state (work = available or busy, break = break, lunch = lunch), from the current agent states.
//   ticket_stats per queue per bucket: tickets created, solved, backlog open at the bucket's end,
//                average handle seconds of those solved; a parent queue's count those of the queues under it.
//   handle_time  per agent per bucket: items solved by the agent, total and average handle seconds.
// Buckets are UTC (interval = 30 min, day, ISO week from Monday, calendar month), clipped to the range.
// Rows appear only where there is something to report, except ticket_stats (every queue, every bucket).

import type { Org, Person, Ticket } from './model';
import type { ReportParams, ReportRow, ReportType } from './report-jobs';
import { bucketEnd, bucketStart, buckets, DAY } from './time';

export const MAX_RANGE_DAYS = 92;
export const MAX_INTERVAL_RANGE_DAYS = 31;

/** Why a report with these inputs fails, or null. Checked at start; the job shows it when it ends. */
export function reportFailure(org: Org, p: ReportParams): string | null {
  if (p.end - p.start > MAX_RANGE_DAYS * DAY) return `Report range exceeds ${MAX_RANGE_DAYS} days`;
  if (p.granularity === 'interval' && p.end - p.start > MAX_INTERVAL_RANGE_DAYS * DAY) {
    return `interval granularity is limited to ranges of ${MAX_INTERVAL_RANGE_DAYS} days`;
  }
  const known: Array<[string, string[], Set<string>]> = [
    ['queue_id', p.queue_ids, new Set(org.queues.map((q) => q.id))],
    ['team_id', p.team_ids, new Set(org.teams.map((t) => t.id))],
    ['site_id', p.site_ids, new Set(org.sites.map((s) => s.id))],
    ['agent_id', p.agent_ids, new Set(org.people.map((x) => x.agent_id))],
  ];
  for (const [name, ids, valid] of known) {
    const unknown = ids.find((id) => !valid.has(id));
    if (unknown !== undefined) return `Unknown ${name} ${unknown}`;
  }
  return null;
}

export function computeReport(org: Org, type: ReportType, p: ReportParams, cutAt: number): ReportRow[] {
  switch (type) {
    case 'adherence':
      return adherence(org, p, cutAt);
    case 'handle_time':
      return handleTime(org, p);
    case 'ticket_stats':
      return ticketStats(org, p);
  }
}

/** Agents matching every filter given; the queue filter counts only when `byQueue`. */
function selectAgents(org: Org, p: ReportParams, byQueue: boolean): Person[] {
  // Only the ids named: whether Assembled's filters take in a team's sub-teams is not known, so the
  // simulator takes the stricter reading and the add-on names every sub-team it means.
  const teams = new Set(p.team_ids);
  const sites = new Set(p.site_ids);
  const queues = new Set(p.queue_ids);
  return org.people.filter(
    (x) =>
      x.staffable &&
      !x.deleted &&
      (p.agent_ids.length === 0 || p.agent_ids.includes(x.agent_id)) &&
      (p.team_ids.length === 0 || x.teams.some((t) => teams.has(t))) &&
      (p.site_ids.length === 0 || sites.has(x.site)) &&
      (!byQueue || p.queue_ids.length === 0 || x.queues.some((q) => queues.has(q))),
  );
}

const CATEGORY: Record<string, string> = { available: 'work', busy: 'work', break: 'break', lunch: 'lunch' };

function adherence(org: Org, p: ReportParams, cutAt: number): ReportRow[] {
  const rows: ReportRow[] = [];
  for (const agent of selectAgents(org, p, true)) {
    // The agent's time in each category, as sorted disjoint intervals within the range.
    const byCategory = new Map<string, Array<[number, number]>>();
    for (const s of org.states.get(agent.agent_id) ?? []) {
      const category = CATEGORY[s.state];
      const a = Math.max(s.start_time, p.start);
      const b = Math.min(s.end_time ?? cutAt, p.end);
      if (!category || b <= a) continue;
      const list = byCategory.get(category) ?? [];
      list.push([a, b]);
      byCategory.set(category, list);
    }
    for (const [category, list] of byCategory) byCategory.set(category, mergeIntervals(list));

    const perBucket = new Map<number, { scheduled: number; adherent: number }>();
    for (const seg of org.schedules.get(agent.agent_id) ?? []) {
      for (let a = Math.max(seg.start, p.start); a < Math.min(seg.end, p.end); ) {
        const bucket = bucketStart(a, p.granularity);
        const b = Math.min(seg.end, p.end, bucketEnd(bucket, p.granularity));
        const acc = perBucket.get(bucket) ?? { scheduled: 0, adherent: 0 };
        acc.scheduled += b - a;
        acc.adherent += overlap(byCategory.get(seg.activity) ?? [], a, b);
        perBucket.set(bucket, acc);
        a = b;
      }
    }
    for (const [bucket, acc] of perBucket) {
      rows.push(
        row(
          p,
          bucket,
          { agent_id: agent.agent_id },
          {
            scheduled_seconds: acc.scheduled,
            adherent_seconds: acc.adherent,
            adherence_percent: Math.round((acc.adherent / acc.scheduled) * 10_000) / 100,
          },
        ),
      );
    }
  }
  return sortRows(rows, org);
}

function handleTime(org: Org, p: ReportParams): ReportRow[] {
  const agents = new Set(selectAgents(org, p, false).map((x) => x.agent_id));
  const queues = new Set(p.queue_ids.flatMap((q) => [...ticketQueuesOf(org, q)]));
  const acc = new Map<string, { agent: string; bucket: number; handled: number; seconds: number }>();
  for (const t of org.tickets) {
    if (t.agent_id === null || t.solved_at === null || t.solved_at < p.start || t.solved_at >= p.end)
      continue;
    if (!agents.has(t.agent_id) || (p.queue_ids.length > 0 && !queues.has(t.queue_id))) continue;
    const bucket = bucketStart(t.solved_at, p.granularity);
    const key = `${t.agent_id} ${bucket}`;
    const a = acc.get(key) ?? { agent: t.agent_id, bucket, handled: 0, seconds: 0 };
    a.handled += 1;
    a.seconds += t.handle_seconds ?? 0;
    acc.set(key, a);
  }
  const rows = [...acc.values()].map((a) =>
    row(
      p,
      a.bucket,
      { agent_id: a.agent },
      {
        handled: a.handled,
        total_handle_seconds: a.seconds,
        average_handle_seconds: Math.round(a.seconds / a.handled),
      },
    ),
  );
  return sortRows(rows, org);
}

/**
 * The queues whose tickets are `queue`'s too: itself and every queue under it. Assembled's help on
 * ticket mapping: a parent queue is a nested one, and a ticket in its child queue appears in it as
 * well (one in the parent need not be in a given child). The demo's tickets sit in leaf queues.
 */
function ticketQueuesOf(org: Org, queue: string): Set<string> {
  const held = new Set([queue]);
  // Grown until no queue is added: a tree of any depth, and a loop of parents ends.
  for (let size = 0; size !== held.size; ) {
    size = held.size;
    for (const q of org.queues) if (q.parent_id !== null && held.has(q.parent_id)) held.add(q.id);
  }
  return held;
}

function ticketStats(org: Org, p: ReportParams): ReportRow[] {
  const chosen = new Set(p.queue_ids);
  const asked = org.queues.filter((q) => p.queue_ids.length === 0 || chosen.has(q.id));
  // Team, site and agent filters narrow the tickets to those the matching agents handled.
  const byAgent = p.team_ids.length + p.site_ids.length + p.agent_ids.length > 0;
  const agents = new Set(selectAgents(org, p, false).map((x) => x.agent_id));
  const ranges = buckets(p.start, p.end, p.granularity);
  const rows: ReportRow[] = [];
  for (const queue of asked) {
    const held = ticketQueuesOf(org, queue.id);
    const tickets = org.tickets.filter(
      (t) => held.has(t.queue_id) && (!byAgent || (t.agent_id !== null && agents.has(t.agent_id))),
    );
    const created = tickets.map((t) => t.created_at).sort((a, b) => a - b);
    const solved = solvedOf(tickets);
    const solvedTimes = solved.map((t) => t.solved_at);
    for (const [a, b] of ranges) {
      const solvedHere = solved.slice(countBelow(solvedTimes, a), countBelow(solvedTimes, b));
      const handleSeconds = solvedHere.reduce((sum, t) => sum + t.handle_seconds, 0);
      rows.push(
        row(
          p,
          a,
          { queue_id: queue.id },
          {
            created: countBelow(created, b) - countBelow(created, a),
            solved: solvedHere.length,
            backlog: countBelow(created, b) - countBelow(solvedTimes, b),
            average_handle_seconds: solvedHere.length ? Math.round(handleSeconds / solvedHere.length) : 0,
          },
        ),
      );
    }
  }
  return rows.sort((x, y) => x.start_time - y.start_time);
}

type Solved = Ticket & { solved_at: number; handle_seconds: number };

function solvedOf(tickets: Ticket[]): Solved[] {
  return tickets
    .filter((t): t is Solved => t.solved_at !== null && t.handle_seconds !== null)
    .sort((a, b) => a.solved_at - b.solved_at);
}

/** A row for the bucket holding `at` (a bucket start, or a clipped one), clipped to the range. */
function row(
  p: ReportParams,
  at: number,
  dims: ReportRow['dims'],
  values: Record<string, number>,
): ReportRow {
  // The end comes from the bucket's own start: measured from a clipped start it would overlap the next.
  const bucket = bucketStart(at, p.granularity);
  return {
    dims,
    start_time: Math.max(bucket, p.start),
    end_time: Math.min(bucketEnd(bucket, p.granularity), p.end),
    values,
  };
}

/** By bucket, then in the org's people order, so results are stable. */
function sortRows(rows: ReportRow[], org: Org): ReportRow[] {
  const order = new Map(org.people.map((x, i) => [x.agent_id, i]));
  return rows.sort(
    (x, y) =>
      x.start_time - y.start_time ||
      (order.get(x.dims.agent_id ?? '') ?? 0) - (order.get(y.dims.agent_id ?? '') ?? 0),
  );
}

function mergeIntervals(list: Array<[number, number]>): Array<[number, number]> {
  list.sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of list) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Seconds of [a, b) covered by sorted disjoint intervals. */
function overlap(intervals: Array<[number, number]>, a: number, b: number): number {
  let total = 0;
  for (let i = lowerBound(intervals, a); i < intervals.length; i++) {
    const iv = intervals[i];
    if (!iv || iv[0] >= b) break;
    total += Math.max(0, Math.min(iv[1], b) - Math.max(iv[0], a));
  }
  return total;
}

/** Index of the first interval ending after `t`. */
function lowerBound(intervals: Array<[number, number]>, t: number): number {
  let lo = 0;
  let hi = intervals.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((intervals[mid]?.[1] ?? 0) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the sorted numbers are below `t`. */
function countBelow(sorted: number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
