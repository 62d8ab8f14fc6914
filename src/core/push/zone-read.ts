// Which done rows' times were read in the spreadsheet's zone, for Validate's one line on rows
// pushed before that zone changed (otherZoneWords): an all-day time-off row's days are its agent's
// own (all-day-zone.ts), unless Assembled has no zone for them, and a request cancelled, denied or
// deleted holds no time in Assembled any more.
import { isAssembledError } from '../assembled';
import type { CellValue } from '../table/build-table';
import { allDayZone } from './all-day-zone';
import type { HeaderMap } from './header';
import { type ParseContext, readsWholeDays } from './parse-row';
import { ENDED_TIME_OFF } from './time-off-words';

/** Whether Assembled holds the row's times as read in the spreadsheet's zone; `status` lower case. */
export function readInSheetZone(
  values: readonly CellValue[],
  status: string,
  map: HeaderMap,
  ctx: ParseContext,
): boolean {
  if (map.kind !== 'time_off') return true;
  if (ENDED_TIME_OFF.includes(status)) return false;
  if (!readsWholeDays(values, map, ctx)) return true;
  const at = map.columns.agent;
  const agent = at === undefined ? '' : String(values[at] ?? '').trim();
  try {
    const found = agent ? ctx.agents.resolve(agent) : undefined;
    if (!found?.ok) return false;
    return allDayZone(ctx.agents.zoneOf(found.agentId), ctx.zone, ctx.zones).fallback;
  } catch (error) {
    // Assembled not answering: the line is a note, never a reason for Validate to fail.
    if (isAssembledError(error)) return false;
    throw error;
  }
}
