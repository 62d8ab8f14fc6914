// A saved refresh is changed by its run's end (the owner's trigger) and by its owner's buttons
// (Pause, Delete, Remove key) at once: each takes the spreadsheet's lock and reads the record
// afresh, so neither writes back a record the other changed meanwhile.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { HOUR, hourlyTeams } from './hourly-teams';

const BUSY = 'Another Assembled task is busy in this spreadsheet; try again in a moment.';

/** The owner's refresh, whose next run Assembled refuses: it fails and its owner is e-mailed. */
async function failingRun() {
  const addon = await startLocalAddon();
  const { rt, backend } = addon;
  const id = await hourlyTeams(rt, 'refresh-lock-0001');
  rt.setHttp((req) =>
    /\/v0\/teams/.test(req.url)
      ? { status: 400, headers: {}, body: '{"error":"refused for the test"}', delayMs: 100 }
      : backend.http(req),
  );
  return { ...addon, id };
}

/** What `call` answered when it ran while the trigger recorded the run's end (its e-mail going). */
function whileTheRunEnds(rt: LocalRuntime, call: () => Promise<unknown>): Promise<string> {
  return new Promise((resolve) => {
    rt.meanwhile('mail', 1, () => {
      call().then(
        () => resolve('done'),
        (error: Error) => resolve(error.message),
      );
    });
  });
}

const card = async (rt: LocalRuntime, id: string) =>
  (await rt.callFromSidebar<RefreshView[]>('listRefreshes')).find((v) => v.id === id);

describe("a refresh's run ending while its owner changes it", () => {
  it('Pause pressed then is refused in words, never taken and then undone; pressed again it holds', async () => {
    const { rt, id } = await failingRun();
    const answered = whileTheRunEnds(rt, () => rt.callFromSidebar('pauseRefresh', id));
    await rt.clock.advanceAsync(HOUR);
    // Told what is so: not "paused" while the run's end writes it back unpaused.
    const after = await card(rt, id);
    expect({ answered: await answered, paused: after?.paused }).toEqual({ answered: BUSY, paused: false });
    // The run's end is recorded whole.
    expect(after).toMatchObject({ running: false, lastRun: { status: 'failed' } });
    expect(rt.mail).toHaveLength(1);

    await rt.callFromSidebar('pauseRefresh', id);
    await rt.clock.advanceAsync(2 * HOUR);
    expect(await card(rt, id)).toMatchObject({ paused: true });
    expect(rt.mail).toHaveLength(1);
  });

  it('Delete pressed then is refused in words, never done and then undone', async () => {
    const { rt, id } = await failingRun();
    const answered = whileTheRunEnds(rt, () => rt.callFromSidebar('deleteRefresh', id));
    await rt.clock.advanceAsync(HOUR);
    // Told what is so: not "deleted" while the run's end saves it back.
    const after = await card(rt, id);
    expect({ answered: await answered, kept: after !== undefined }).toEqual({ answered: BUSY, kept: true });
    expect(after).toMatchObject({ paused: false, lastRun: { status: 'failed' } });

    await rt.callFromSidebar('deleteRefresh', id);
    await rt.clock.advanceAsync(2 * HOUR);
    expect(await rt.callFromSidebar('listRefreshes')).toEqual([]);
    expect(rt.mail).toHaveLength(1);
  });

  it('Remove key then is refused in words, the key kept; pressed again, every editor sees the refresh paused', async () => {
    const { rt, id } = await failingRun();
    const sam = rt.asUser('sam@example.com');
    const answered = whileTheRunEnds(rt, () => rt.callFromSidebar('clearApiKey'));
    await rt.clock.advanceAsync(HOUR);
    // Nothing half done: the key is still saved, and the refresh runs with it as before.
    const { hasKey } = await rt.callFromSidebar<{ hasKey: boolean }>('getSettings');
    const after = await card(rt, id);
    expect({ answered: await answered, hasKey, paused: after?.paused }).toEqual({
      answered: BUSY,
      hasKey: true,
      paused: false,
    });
    expect(after).toMatchObject({ lastRun: { status: 'failed' } });

    await rt.callFromSidebar('clearApiKey');
    await rt.clock.advanceAsync(2 * HOUR);
    const paused = 'Paused: its owner, analyst@example.com, removed their Assembled API key;';
    expect(await card(sam, id)).toMatchObject({
      paused: true,
      pausedReason: expect.stringContaining(paused),
    });
    // Nothing ran without a key: no failure e-mailed for it.
    expect(rt.mail).toHaveLength(1);
  });
});
