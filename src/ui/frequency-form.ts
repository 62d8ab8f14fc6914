// The frequency controls shared by "Save as scheduled refresh" (Pull data) and "Edit"
// (Scheduled refreshes).

import { everyHourAsHourly } from '../core/schedule/every-hour';
import type { Frequency } from '../core/schedule/frequency';
import { NO_WEEKDAY } from '../core/schedule/frequency-words';
import { WEEKDAY_NAMES } from '../core/time/local-date';
import { hourMovedWords } from '../core/time/zone-moved-words';
import { el, markInvalid } from './dom';

export interface FrequencyForm {
  root: HTMLElement;
  value(): { frequency: Frequency; notifyByEmail: boolean };
  /**
   * Before a save: what is wrong with the form (a weekly refresh with no weekday ticked), said
   * under its field, which gets the focus; undefined when nothing is.
   */
  problem(): string | undefined;
  /**
   * The spreadsheet's zone changed while the form is open: the hour is named in the new one, and
   * said to be under it unless `told` (a refusal of the save said so already).
   */
  nameZone(zone: string, told?: boolean): void;
  /** The zone the hour is named in now, which a save sends: the server refuses another (zone-shown.ts). */
  zone(): string;
}

const KINDS: [Frequency['kind'], string][] = [
  ['hourly', 'Every hour'],
  ['every_hours', 'Every N hours'],
  ['daily', 'Daily'],
  ['weekly', 'Weekly'],
  ['monthly', 'Monthly'],
];
const DAYS = WEEKDAY_NAMES.slice(1);

/**
 * `zone`: the spreadsheet's time zone, which the hour is in (named at it); `today`, the ISO weekday
 * it is there, ticked when Weekly is chosen with no day ticked.
 */
export function createFrequencyForm(
  prefix: string,
  saved: Frequency,
  zone: string,
  today: number,
  notify: boolean,
): FrequencyForm {
  const id = (name: string) => `${prefix}-${name}`;
  const kind = el('select', { id: id('kind') }, ...KINDS.map(([v, t]) => el('option', { value: v }, t)));
  // From 2: every 1 hour is Every hour, the choice above it.
  const hours = el(
    'select',
    { id: id('hours') },
    ...[2, 4, 6, 12].map((h) => el('option', { value: String(h) }, `${h} hours`)),
  );
  const hour = el(
    'select',
    { id: id('hour') },
    ...Array.from({ length: 24 }, (_, h) =>
      el('option', { value: String(h) }, `${String(h).padStart(2, '0')}:00`),
    ),
  );
  const dayOfMonth = el(
    'select',
    { id: id('day') },
    ...Array.from({ length: 28 }, (_, d) => el('option', { value: String(d + 1) }, String(d + 1))),
    el('option', { value: 'last' }, 'Last day'),
  );
  const weekdayBoxes = DAYS.map((_, i) =>
    el('input', { type: 'checkbox', id: id(`wd${i + 1}`), value: String(i + 1) }),
  );
  const weekdays = el(
    'div',
    { role: 'group', 'aria-label': 'Weekdays', class: 'weekdays' },
    ...weekdayBoxes.map((box, i) => el('label', { class: 'inline', for: box.id }, box, DAYS[i] ?? '')),
  );
  // Said by each day's checkbox, as the merge key's problem is by its field, and gone once a day is
  // ticked: a screen reader says a group's description on no checkbox in it. Not a live region:
  // the first day takes the focus and says it, once.
  const weekdaysProblem = el('p', {
    class: 'hint',
    id: id('weekdaysProblem'),
    'data-tone': 'error',
    hidden: true,
  });
  const showWeekdaysProblem = (problem: string) => {
    weekdaysProblem.textContent = problem;
    weekdaysProblem.hidden = !problem;
    for (const box of weekdayBoxes) markInvalid(box, problem ? weekdaysProblem.id : undefined);
  };
  for (const box of weekdayBoxes) box.addEventListener('change', () => showWeekdaysProblem(''));
  const email = el('input', { type: 'checkbox', id: id('email') });
  email.checked = notify;

  let named = zone;
  const hourLabel = el('label', { for: hour.id }, `At (${zone} time)`);
  // A read of the list or the options renames the zone without a word otherwise: a save then sets
  // the hour picked, unchanged, in the other zone's time. Gone once the hour is picked again.
  const zoneMoved = el('p', { class: 'hint', id: id('zoneMoved'), hidden: true });
  const sayZoneMoved = (words: string) => {
    zoneMoved.textContent = words;
    zoneMoved.hidden = !words;
    if (words) hour.setAttribute('aria-describedby', zoneMoved.id);
    else hour.removeAttribute('aria-describedby');
  };
  hour.addEventListener('change', () => sayZoneMoved(''));
  const rows = {
    hours: el('div', {}, el('label', { for: hours.id }, 'Every'), hours),
    weekdays: el('div', {}, weekdays, weekdaysProblem),
    day: el('div', {}, el('label', { for: dayOfMonth.id }, 'Day of the month'), dayOfMonth),
    hour: el('div', {}, hourLabel, hour, zoneMoved),
  };
  const sync = () => {
    const k = kind.value;
    rows.hours.hidden = k !== 'every_hours';
    rows.weekdays.hidden = k !== 'weekly';
    rows.day.hidden = k !== 'monthly';
    rows.hour.hidden = k === 'hourly' || k === 'every_hours';
  };
  kind.addEventListener('change', () => {
    showWeekdaysProblem('');
    // A day to change rather than a refusal at Save; days ticked before (a weekly refresh's own) stay.
    const todayBox = weekdayBoxes[today - 1];
    if (kind.value === 'weekly' && todayBox && !weekdayBoxes.some((b) => b.checked)) todayBox.checked = true;
    sync();
  });

  // Opened on what the card says: a refresh saved as every 1 hour says Every hour.
  const f = everyHourAsHourly(saved);
  kind.value = f.kind;
  if (f.kind === 'every_hours') hours.value = String(f.hours);
  if ('hour' in f) hour.value = String(f.hour);
  if (f.kind === 'monthly') dayOfMonth.value = String(f.day);
  for (const box of weekdayBoxes) box.checked = f.kind === 'weekly' && f.weekdays.includes(Number(box.value));
  sync();

  const root = el(
    'div',
    {},
    el('label', { for: kind.id }, 'Frequency'),
    kind,
    rows.hours,
    rows.weekdays,
    rows.day,
    rows.hour,
    el('label', { class: 'inline', for: email.id }, email, 'E-mail me when a run fails'),
  );

  return {
    root,
    nameZone(next, told = false) {
      // Told, the hint goes even with the zone named already: a read answered first may have said it.
      if (next === named && !told) return;
      sayZoneMoved(told || next === zone ? '' : `${hourMovedWords(zone, next)} Check it before you save.`);
      named = next;
      hourLabel.textContent = `At (${next} time)`;
    },
    zone: () => named,
    problem() {
      if (kind.value !== 'weekly' || weekdayBoxes.some((b) => b.checked)) return undefined;
      const problem = NO_WEEKDAY;
      showWeekdaysProblem(problem);
      weekdayBoxes[0]?.focus();
      return problem;
    },
    value() {
      const h = Number(hour.value);
      const frequency: Frequency = (() => {
        switch (kind.value as Frequency['kind']) {
          case 'hourly':
            return { kind: 'hourly' } as const;
          case 'every_hours':
            return { kind: 'every_hours', hours: Number(hours.value) as 2 | 4 | 6 | 12 } as const;
          case 'daily':
            return { kind: 'daily', hour: h } as const;
          case 'weekly':
            return {
              kind: 'weekly',
              weekdays: weekdayBoxes.filter((b) => b.checked).map((b) => Number(b.value)),
              hour: h,
            } as const;
          case 'monthly':
            return {
              kind: 'monthly',
              day: dayOfMonth.value === 'last' ? 'last' : Number(dayOfMonth.value),
              hour: h,
            } as const;
        }
      })();
      return { frequency, notifyByEmail: email.checked };
    },
  };
}
