// Agent states a sheet would ingest that Assembled holds already, the very same: re-running an
// import from a copied sheet is easy, and the service keeps both copies (nothing says it
// de-duplicates), so the agent's time would count twice. Such a row is refused before it is sent,
// and so is one overlapping another state Assembled holds for its agent on its platform (an agent
// is in one state at a time on a platform, as rows are checked among themselves, agent-overlaps.ts):
// a state ingested before and changed in the sheet, its Push status and note cleared, or one the
// platform sent Assembled itself.
// Assembled is asked by the push's first run (its later runs send only the rows it kept) and by
// Validate, never by "ask before push": for each agent over the span its rows cover, or, past a
// few agents, once for everyone over the span all the rows cover (agent-reads.ts).
import type { AgentState } from '../assembled';
import type { Zone } from '../ports';
import { formatLocalDateTime } from '../time/zone-math';
import { agentsToAsk, spanOf } from './agent-reads';
import type { HeaderMap } from './header';
import { refuseRow, requestOf } from './overlaps';
import type { StateRecord } from './request';
import type { SheetRow } from './sheet-rows';

/** The states Assembled holds that overlap [start, end): the agents named, or everyone's. */
export type StatesHeld = (start: number, end: number, agentIds?: string[]) => AgentState[];

/**
 * A state Assembled holds is the one a record sends: the same agent, state, start, end and
 * platform. What the record leaves out matches anything: an open state (no end) is closed by the
 * agent's next one, and a state sent with no source is given one by the service.
 */
export function sameState(s: AgentState, input: StateRecord): boolean {
  return (
    s.agent_id === input.agent_id &&
    s.state === input.state &&
    s.start_time === input.start_time &&
    (input.end_time === undefined || s.end_time === input.end_time) &&
    (input.sub_state === undefined || s.sub_state === input.sub_state) &&
    (input.source === undefined || s.platform === input.source)
  );
}

/**
 * The state Assembled holds for the record's agent on its platform that the record overlaps, if
 * any. An open state (no end) lasts until the next starts, so it clashes only by starting inside
 * another or with it, as rows do among themselves. A record with no source gets the service's
 * own, so it is not known to share a platform with any.
 */
function overlapped(agentStates: readonly AgentState[], input: StateRecord): AgentState | undefined {
  const platform = input.source?.toLowerCase();
  if (!platform) return undefined;
  const start = input.start_time;
  const end = input.end_time ?? start + 1;
  return agentStates.find(
    (s) =>
      s.platform?.toLowerCase() === platform &&
      s.start_time < end &&
      start < (s.end_time ?? s.start_time + 1),
  );
}

/**
 * A held state in words: "break from 2026-05-24 09:00 to 09:20", in the spreadsheet's zone. To the
 * second when it is not on a minute: a state ending 42 s into the minute a row starts overlaps it,
 * which "to 10:00" beside a row from 10:00 hid.
 */
function stateWords(s: AgentState, zone: Zone): string {
  const seconds = [s.start_time, s.end_time ?? 0].some((t) => t % 60_000 !== 0);
  const from = formatLocalDateTime(s.start_time, zone, seconds);
  if (s.end_time === null) return `${s.state} from ${from}, still open`;
  const to = formatLocalDateTime(s.end_time, zone, seconds);
  return `${s.state} from ${from} to ${to.slice(0, 10) === from.slice(0, 10) ? to.slice(11) : to}`;
}

/**
 * Marks the rows Assembled holds, or holds another state over; the states it read, for more checks.
 * `clashed`: rows refused for overlapping other rows (agent-overlaps.ts).
 */
export function markStatesInAssembled(
  rows: SheetRow[],
  map: HeaderMap,
  held: StatesHeld,
  zone: Zone,
  clashed: ReadonlySet<SheetRow> = new Set(),
): AgentState[] {
  const byAgent = new Map<string, { row: SheetRow; input: StateRecord }[]>();
  for (const row of rows) {
    // Rows refused by an overlap among rows, or a near miss, too: read for them, the states
    // Assembled holds may know their platform and name, checked next (all of a row's problems are
    // said at once).
    const r = requestOf(row);
    if (r?.kind !== 'agent_states') continue;
    byAgent.set(r.input.agent_id, [...(byAgent.get(r.input.agent_id) ?? []), { row, input: r.input }]);
  }
  const h = (key: string, word: string) => map.headers[map.columns[key] ?? -1] || word;
  const fields = `${h('state', 'State')}, ${h('start', 'Start')}, ${h('end', 'End')} and ${h('source', 'Source')}`;
  const inputs = (list: { input: StateRecord }[]) => list.map((l) => l.input);
  const asked = agentsToAsk(byAgent.keys());
  const states = asked
    ? asked.flatMap((agent) => read(held, inputs(byAgent.get(agent) ?? []), [agent]))
    : read(held, inputs([...byAgent.values()].flat()));
  // Looked up by agent and start, and by agent: a read of everyone may hold far more states than the sheet.
  const byStart = new Map<string, AgentState[]>();
  const agentHeld = new Map<string, AgentState[]>();
  for (const s of states) {
    const k = `${s.agent_id}\u0000${s.start_time}`;
    byStart.set(k, [...(byStart.get(k) ?? []), s]);
    const own = agentHeld.get(s.agent_id);
    if (own) own.push(s);
    else agentHeld.set(s.agent_id, [s]);
  }
  for (const list of byAgent.values())
    for (const { row, input } of list) {
      // Its times were found to clash already: a second word on them would say the same.
      if (clashed.has(row)) continue;
      if (
        (byStart.get(`${input.agent_id}\u0000${input.start_time}`) ?? []).some((s) => sameState(s, input))
      ) {
        refuseRow(
          row,
          `Already in Assembled: not sent. Assembled holds this very state already (the same agent, ${fields}), ingested or placed by a state edit; sent again, it would be kept twice and the agent's time counted twice. Delete this row.`,
        );
        continue;
      }
      const other = overlapped(agentHeld.get(input.agent_id) ?? [], input);
      if (!other) continue;
      // The cell whose time lies inside the held state is the one to correct; both when the row
      // spans it. An open row (no End) clashes by its Start alone.
      const { start_time: start, end_time: end } = input;
      const otherEnd = other.end_time ?? other.start_time + 1;
      const startIn = start >= other.start_time && start < otherEnd;
      const endIn = end !== undefined && end > other.start_time && end <= otherEnd;
      const cells =
        end === undefined || (startIn && !endIn)
          ? [h('start', 'Start')]
          : endIn && !startIn
            ? [h('end', 'End')]
            : [h('start', 'Start'), h('end', 'End')];
      refuseRow(
        row,
        `${cells.join(' and ')}: overlap${cells.length === 1 ? 's' : ''} a state Assembled holds for this agent on ${other.platform}: ${stateWords(other, zone)}. An agent is in one state at a time on a platform, and Assembled keeps both, so the agent's time would be counted twice: not sent. If this row corrects that state, change it in Assembled itself (an ingested state cannot be changed through the API); otherwise correct this row's times.`,
      );
    }
  return states;
}

/** The states held over the span the records cover. */
function read(held: StatesHeld, records: StateRecord[], agentIds?: string[]): AgentState[] {
  const { start, end } = spanOf(records);
  // A second on: an open state is asked for over a span, not an instant.
  return held(start, end + 1_000, agentIds);
}
