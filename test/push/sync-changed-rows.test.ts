// Sync time off on a push sheet whose rows were changed since they were pushed, with no news from
// Assembled, through the built bundle: the changed rows say so at once (a row that could not be sent
// as it stands says why), and the summary does not call the sheet as Assembled has it.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { SyncSummary } from '../../src/core/push/sync-time-off';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)('sync time off on rows changed since they were pushed', () => {
  it('writes their changed message and counts them in the summary', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a) throw new Error('no agents');
    const rows = Array.from({ length: 10 }, (_, i) => {
      const day = `2026-12-${String(i + 10).padStart(2, '0')}`;
      return [a.email, `${day} 09:00`, `${day} 12:00`, '', '', `note ${i + 1}`];
    });
    const sheet = await template(rt, 'time_off', rows);
    const pushed = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'sync-edit-1'),
    );
    expect(pushed).toMatchObject({ state: 'done', succeeded: 10 });

    // Row 3's End before its Start, row 5's Notes retyped; nothing changes in Assembled.
    rt.workbook.write(sheet, [['2026-12-11 08:00']], { row: 3, column: 3 });
    rt.workbook.write(sheet, [['note 4, retyped']], { row: 5, column: 6 });
    await rt.clock.advanceAsync(60_000);
    const synced = await rt.callFromSidebar<SyncSummary>('syncTimeOff');

    const messages = column(rt, sheet, 'Push message') as string[];
    expect(messages[1]).toMatch(
      /^Changed since it was pushed: End was 2026-12-11 12:00 when pushed; not sent again, so Assembled still has it as it was, and as it stands it could not be sent: End must be after Start\. Put that right first\./,
    );
    expect(messages[3]).toMatch(
      /^Changed since it was pushed: Notes was "?note 4"? when pushed; not sent again/,
    );
    expect(messages.filter((m) => m === 'Created; pending approval in Assembled.')).toHaveLength(8);
    expect(column(rt, sheet, 'Push status').every((s) => s === 'created')).toBe(true);
    expect(synced.updated).toBe(2);
    expect(synced.message).not.toContain('as the sheet says');
    expect(synced.message).toBe(
      `None of the 10 requests created from "${sheet}" changed in Assembled. 2 rows were changed in the sheet since they were pushed; their Push message says what to do.`,
    );

    // Synced again, the rows say the same and are still counted.
    const again = await rt.callFromSidebar<SyncSummary>('syncTimeOff');
    expect(again.updated).toBe(0);
    expect(again.message).toBe(synced.message);
    expect(column(rt, sheet, 'Push message')).toEqual(messages);
  });
});
