// What Assembled holds of the rows already pushed, for the checks of new rows against them (a
// second request or state over the same time). A row whose cells were all emptied withdraws
// nothing (sent-print.ts emptiedMessage): what it sent is read from its Push status note, in the
// zone the spreadsheet had then, so a new row over that time is held back as over a filled one.
import type { HeaderMap } from './header';
import { type ParseContext, parseRow } from './parse-row';
import type { PushRequest } from './request';
import { pushedValues, sentZoneName } from './sent-print';
import type { SheetRow } from './sheet-rows';

/** Whether a done row's cells were all emptied since it was pushed (not a listed activity's). */
export const emptiedSincePushed = (row: SheetRow): boolean => row.done && row.blank && !row.listed;

/**
 * The request a done row stands for in Assembled: its cells as they read, or an emptied row's as
 * its note says they were sent; undefined when they do not read as one (a note of the older form).
 */
export function pushedRequest(row: SheetRow, map: HeaderMap, ctx: ParseContext): PushRequest | undefined {
  if (!emptiedSincePushed(row)) {
    const parse = parseRow(row.values, map, ctx);
    return parse.ok ? parse.request : undefined;
  }
  const note = row.note ?? '';
  const values = pushedValues(note, map);
  if (!values) return undefined;
  const sentIn = sentZoneName(note);
  let zone = ctx.zone;
  try {
    if (sentIn && sentIn !== zone.name) zone = ctx.zones(sentIn);
  } catch {
    return undefined;
  }
  const parse = parseRow(values, map, { ...ctx, zone });
  return parse.ok ? parse.request : undefined;
}
