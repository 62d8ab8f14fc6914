// A time-off row wholly in the past is sent as any other (sick leave recorded after the fact), but
// Validate says so, as it does of an activity placed in the past: a year typed wrong lands there
// too, and Push keeps saying so once it is created, counted in its summary. Through the built
// bundle, as the sidebar calls it.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import { column, follow, validateTemplate } from './in-runtime';

describe('a time-off row in the past', () => {
  it('is ready to push, saying it is in the past, and is created; one under way or ahead says nothing', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a, b, c] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
    // It is 2026-05-25 08:00 in New York.
    const { sheet, check } = await validateTemplate(rt, 'time_off', [
      [a?.email, '2026-05-04', '', 'TRUE', 'sick', 'after the fact'],
      [b?.email, '2026-05-22', '2026-05-26', 'TRUE', 'pto', 'under way'],
      [c?.email, '2025-06-01 09:00', '2025-06-01 12:00', 'FALSE', 'pto', 'a year typed wrong'],
      [a?.email, '2026-06-01', '', 'TRUE', 'pto', 'ahead'],
    ]);
    expect(check).toMatchObject({ ok: 4, errors: 0 });
    const past =
      ' It is in the past (it is 2026-05-25 08:00 in America/New_York): Assembled takes it all the same, as leave recorded after the fact; if a date is mistyped (its year?), correct it before pushing.';
    expect(column(rt, sheet, 'Push message')).toEqual([
      `Ready to push.${past}`,
      'Ready to push.',
      `Ready to push.${past}`,
      'Ready to push.',
    ]);
    const view = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'past-time-off-1'),
    );
    expect(view).toMatchObject({ state: 'done', succeeded: 4 });
    expect(column(rt, sheet, 'Push status')).toEqual(['created', 'created', 'created', 'created']);
    // Kept once created, on undoing a mistyped date now, and counted where a push of many rows ends.
    const created = 'Created; pending approval in Assembled.';
    const took =
      ' It is in the past (it is 2026-05-25 08:00 in America/New_York): Assembled took it all the same, as leave recorded after the fact; if a date was mistyped (its year?), correct it and cancel the request (Time off to cancel, with its Assembled ID), then clear Push status and Assembled ID here and push the row as new.';
    const sent = [`${created}${took}`, created, `${created}${took}`, created];
    expect(column(rt, sheet, 'Push message')).toEqual(sent);
    expect(view.message).toBe(
      'Finished: 4 created, 2 of them are in the past (rows 2 and 4: their Push messages say what to do if a date was mistyped). See the Push status column.',
    );
    // Validate after leaves the words as they are.
    await rt.callFromSidebar('validatePush', 'time_off');
    expect(column(rt, sheet, 'Push message')).toEqual(sent);
  });
});
