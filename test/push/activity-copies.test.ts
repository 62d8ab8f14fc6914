// An Activities row typed twice is a copy, not a clash of two: the first goes, the copy is pointed
// at it, as a state or time off typed twice is. Before, both were held back as overlapping; then,
// once the first was pushed, the copy went, and Assembled deleted the first to place it.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)('an Activities row typed twice', () => {
  it('is held back alone, the first copy sent; rows that only overlap still hold each other back', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a, b] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a || !b) throw new Error('no agents');
    const meeting = ['create', '', a.email, 'MTG', '2026-12-08 10:00', '2026-12-08 11:00', 'Team sync'];
    const sheet = await template(rt, 'activities', [
      meeting,
      ['create', '', b.email, 'MTG', '2026-12-08 10:00', '2026-12-08 11:00', 'one-to-one'],
      ['create', '', b.email, 'MTG', '2026-12-08 10:30', '2026-12-08 11:30', 'overlaps it'],
      meeting,
    ]);
    const view = await rt.callFromSidebar<PushView>('startPush', 'activities', 'activity-copies-1');
    expect(await follow(rt, view)).toMatchObject({ state: 'done', succeeded: 1 });
    expect(column(rt, sheet, 'Push status')).toEqual(['created', 'error', 'error', 'error']);
    const messages = column(rt, sheet, 'Push message');
    expect(messages[3]).toBe('The same activity as row 2, typed twice: delete this row.');
    expect(messages[1]).toMatch(/^End: overlaps row 4 for the same agent/);
    expect(messages[2]).toMatch(/^Start: overlaps row 3 for the same agent/);

    // Pushed again, its first copy done: still held back. Sent, Assembled would have deleted the
    // first copy to place it, and row 2 would name an activity gone.
    const creates = () =>
      Object.entries(sim.stats().byRoute)
        .filter(([route]) => route.startsWith('POST /v0/activities'))
        .reduce((n, [, count]) => n + count, 0);
    const before = creates();
    expect(before).toBeGreaterThan(0);
    const again = await rt.callFromSidebar<PushView>('startPush', 'activities', 'activity-copies-2');
    expect(await follow(rt, again)).toMatchObject({ state: 'done', succeeded: 0 });
    expect(creates()).toBe(before);
    expect(column(rt, sheet, 'Push status')).toEqual(['created', 'error', 'error', 'error']);
    expect(column(rt, sheet, 'Push message')[3]).toBe(
      'The same activity as row 2, pushed already: delete this row.',
    );
  });
});
