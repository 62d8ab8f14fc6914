// A sidebar's form shows dates and hours in the spreadsheet's time zone as it read it; File ▸
// Settings may change the zone while the form stays open, and it hears of that only when the
// person comes back to it (look-when-back.ts), which a press may beat. So the form sends the zone
// it showed, and what it asks is not done in another zone without a word: nothing starts, and the
// refusal says what the form would show now.
import * as z from 'zod/mini';
import { lazy } from '../lazy';
import type { Zone } from '../ports';
import { InputError, parseInput } from '../validation';
import { type DateRangeSpec, resolveRange } from './date-range';
import { datesWords } from './dates-words';
import { hourMovedWords, zoneMovedWords } from './zone-moved-words';

/**
 * The zone a form showed; none from a caller that sends none (a form older than this check, or one
 * pressed before it had a zone to show): google.script.run passes an undefined argument as null.
 */
const ShownZone = /* @__PURE__ */ lazy(() => z.nullish(z.string().check(z.maxLength(100))));

/** The zone `input` names, when it is not the spreadsheet's now. */
function movedFrom(input: unknown, zone: Zone): string | undefined {
  const shown = parseInput(ShownZone, input, 'Time zone shown');
  return shown != null && shown !== zone.name ? shown : undefined;
}

/** Pull data pressed on a range shown in another zone: refused, with the range it is now. */
export function refuseRangeMoved(
  range: DateRangeSpec | undefined,
  shown: unknown,
  zone: Zone,
  now: number,
): void {
  const was = movedFrom(shown, zone);
  if (!range || was === undefined) return;
  const dates = datesWords(resolveRange(range, now, zone));
  throw new InputError('Pull', [
    `${zoneMovedWords(was, zone.name)}: the range is now ${dates}. Press Pull data again to pull it.`,
  ]);
}

/** A refresh saved at an hour shown in another zone's time: refused, saying whose time it is now. */
export function refuseHourMoved(hasHour: boolean, shown: unknown, zone: Zone): void {
  const was = movedFrom(shown, zone);
  if (!hasHour || was === undefined) return;
  throw new InputError('Scheduled refresh', [`${hourMovedWords(was, zone.name)} Check it, then save again.`]);
}
