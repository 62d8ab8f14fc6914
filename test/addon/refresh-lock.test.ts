// A saved refresh is changed by its run's end (the owner's trigger) and by its owner's buttons
// (Pause, Delete, Remove key) at once: each takes the spreadsheet's lock and reads the record
// afresh, so neither writes back a record the other changed meanwhile. The press is tried at every
// Properties call of the run's end in turn, since where the record is read and written is the
// add-on's own business.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { HOUR, hourlyTeams } from './hourly-teams';

const BUSY = 'Another Assembled task is busy in this spreadsheet; try again in a moment.';

interface Pressed {
  rt: LocalRuntime;
  id: string;
  /** 'done', or the message the press was refused with; undefined when the run ended before call n. */
  answered: string | undefined;
}

/**
 * The owner's refresh runs on the hour and Assembled refuses it; `press` runs just before the n-th
 * Properties call after that refusal, while the trigger records the run's end.
 */
async function pressedAt(
  n: number,
  press: (rt: LocalRuntime, id: string) => Promise<unknown>,
): Promise<Pressed> {
  const { rt, backend } = await startLocalAddon();
  const id = await hourlyTeams(rt, 'refresh-lock-0001');
  rt.setHttp((req) =>
    /\/v0\/teams/.test(req.url)
      ? { status: 400, headers: {}, body: '{"error":"refused for the test"}', delayMs: 100 }
      : backend.http(req),
  );
  let answer: Promise<string> | undefined;
  rt.meanwhile('urlfetch', 1, () =>
    rt.meanwhile('properties', n, () => {
      answer = press(rt, id).then(
        () => 'done',
        (error: Error) => error.message,
      );
    }),
  );
  await rt.clock.advanceAsync(HOUR);
  return { rt, id, answered: await answer };
}

/** Each press in turn, at every Properties call of the run's end (and one after it). */
async function everyMoment(press: (rt: LocalRuntime, id: string) => Promise<unknown>): Promise<Pressed[]> {
  const tried: Pressed[] = [];
  for (let n = 1; ; n++) {
    const pressed = await pressedAt(n, press);
    tried.push(pressed);
    if (pressed.answered === undefined) return tried;
  }
}

const card = async (rt: LocalRuntime, id: string) =>
  (await rt.callFromSidebar<RefreshView[]>('listRefreshes')).find((v) => v.id === id);

describe("a refresh's run ending while its owner changes it", () => {
  it('Pause pressed then is taken and kept, or refused in words; never taken and then undone', async () => {
    const tried = await everyMoment((rt, id) => rt.callFromSidebar('pauseRefresh', id));
    const outcomes = new Set<string>();
    for (const { rt, id, answered } of tried.slice(0, -1)) {
      const after = await card(rt, id);
      outcomes.add(`${answered} → ${after?.paused ? 'paused' : 'running'}`);
      // The run's end is recorded whole, and its owner told once.
      expect(after).toMatchObject({ running: false, lastRun: { status: 'failed' } });
      expect(rt.mail).toHaveLength(1);
      if (answered === BUSY) {
        await rt.callFromSidebar('pauseRefresh', id);
        await rt.clock.advanceAsync(2 * HOUR);
        expect(await card(rt, id)).toMatchObject({ paused: true });
        expect(rt.mail).toHaveLength(1);
      }
    }
    // Only these two: told it is paused and it is, or told to try again and it runs on.
    expect([...outcomes].sort()).toEqual(
      [`${BUSY} → running`, 'done → paused'].filter((o) => outcomes.has(o)),
    );
    expect(outcomes.size).toBeGreaterThan(0);
  });

  it('Delete pressed then is done and stays done, or refused in words; never done and then undone', async () => {
    const tried = await everyMoment((rt, id) => rt.callFromSidebar('deleteRefresh', id));
    const outcomes = new Set<string>();
    for (const { rt, id, answered } of tried.slice(0, -1)) {
      const after = await card(rt, id);
      outcomes.add(`${answered} → ${after ? 'kept' : 'deleted'}`);
      if (answered === BUSY) {
        expect(after).toMatchObject({ paused: false, lastRun: { status: 'failed' } });
        await rt.callFromSidebar('deleteRefresh', id);
      }
      await rt.clock.advanceAsync(2 * HOUR);
      expect(await rt.callFromSidebar('listRefreshes')).toEqual([]);
      expect(rt.mail.length).toBeLessThanOrEqual(1);
    }
    expect([...outcomes].sort()).toEqual([`${BUSY} → kept`, 'done → deleted']);
  });

  it('Remove key then is done and every editor sees the refresh paused, or refused in words with the key kept', async () => {
    const tried = await everyMoment((rt) => rt.callFromSidebar('clearApiKey'));
    const outcomes = new Set<string>();
    const paused = 'Paused: its owner, analyst@example.com, removed their Assembled API key;';
    for (const { rt, id, answered } of tried.slice(0, -1)) {
      const sam = rt.asUser('sam@example.com');
      const { hasKey } = await rt.callFromSidebar<{ hasKey: boolean }>('getSettings');
      const after = await card(sam, id);
      outcomes.add(
        `${answered} → ${hasKey ? 'key kept' : 'key gone'}, ${after?.paused ? 'paused' : 'running'}`,
      );
      expect(after).toMatchObject({ lastRun: { status: 'failed' } });
      if (answered === BUSY) await rt.callFromSidebar('clearApiKey');
      await rt.clock.advanceAsync(2 * HOUR);
      expect(await card(sam, id)).toMatchObject({
        paused: true,
        pausedReason: expect.stringContaining(paused),
      });
      // Nothing ran without a key: no failure e-mailed for it.
      expect(rt.mail).toHaveLength(1);
    }
    expect([...outcomes].sort()).toEqual([`${BUSY} → key kept, running`, 'done → key gone, paused']);
  });
});
