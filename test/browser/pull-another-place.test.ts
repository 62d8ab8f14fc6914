// Pull data pressed while a pull runs, for another place: the new pull starts and the sidebar
// turns to follow it, whatever becomes of its checks on the pull left behind, and even if that one
// was still starting. The page's own calls are held or refused on their way (as in
// check-again.test.ts).
import type { FrameLocator, Page, Route } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { menu, reset, sidebar, useBench } from './support';

/**
 * The sidebar's calls, each handed to `answer` with its function's name and arguments; one that
 * `answer` leaves unanswered goes on to the add-on.
 */
async function onCalls(
  page: Page,
  answer: (route: Route, fn: string, args: unknown[]) => Promise<boolean>,
): Promise<void> {
  await page.unrouteAll();
  await page.route('**/api/run', async (route) => {
    const body = route.request().postDataJSON();
    if (!(await answer(route, body?.fn, body?.args ?? []))) await route.continue();
  });
}

const refuse = (route: Route) => route.fulfill({ status: 503, body: 'Service Unavailable' });

/** A report into "First", its checks answered as the test's routes say. */
async function startFirst(sb: FrameLocator): Promise<void> {
  await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Ticket stats report' });
  await sb.getByLabel('Sheet name').fill('First');
  await sb.getByRole('button', { name: 'Pull data' }).click();
}

/**
 * Pull data pressed again, for the same report into "Second". Assembled generates it in two
 * seconds: only a sidebar that checks on it sees it done.
 */
async function pullAnother(sb: FrameLocator): Promise<void> {
  await sb.getByLabel('Sheet name').fill('Second');
  const button = sb.getByRole('button', { name: 'Pull data' });
  await expect.poll(() => button.isEnabled()).toBe(true);
  await button.click();
}

/** Until the sidebar shows the new pull as its server answered (no longer "Starting"). */
async function turnedTo(sb: FrameLocator, sheet: string): Promise<void> {
  await expect
    .poll(async () => [
      await sb.locator('#jobTarget').textContent(),
      await sb.locator('#jobStage').textContent(),
    ])
    .toEqual([sheet, expect.not.stringMatching(/^Starting$/)]);
}

/** Every pull, stage and status line the sidebar shows from now on ("target: stage | status"), in order. */
async function record(sb: FrameLocator): Promise<() => Promise<string[]>> {
  await sb.locator('body').evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    const note = () => {
      const text = (id: string) => document.getElementById(id)?.textContent;
      const now = `${text('jobTarget')}: ${text('jobStage')} | ${text('status')}`;
      if (seen.at(-1) !== now) seen.push(now);
    };
    note();
    const watch = new MutationObserver(note);
    for (const id of ['jobTarget', 'jobStage', 'status'])
      watch.observe(document.getElementById(id) as HTMLElement, {
        childList: true,
        characterData: true,
        subtree: true,
      });
  });
  return () => sb.locator('body').evaluate(() => (window as unknown as { seen: string[] }).seen);
}

const STOPPED = 'Second: Stopped | Stopped: nothing was written, and the target is as it was.';

/** Why the server refuses the first pull's start in the tests below, as it words it. */
const TOO_MANY = 'You already have 10 pulls under way in this spreadsheet; wait for one to finish.';

/**
 * Pull data pressed for "Second", the sidebar turned to it and Stop pressed; then what held the
 * first pull is let go: "Stopped" stays, nothing of the first said over it.
 */
async function stopSecondThenRelease(page: Page, sb: FrameLocator, release: () => void): Promise<void> {
  await pullAnother(sb);
  await turnedTo(sb, 'Second');
  const seen = await record(sb);
  await sb.getByRole('button', { name: 'Stop this pull' }).click();
  await expect.poll(async () => (await seen()).at(-1)).toBe(STOPPED);
  release();
  // 30 virtual seconds: longer than the first pull's next try or first check would wait (5 s,
  // 10 s), and than a poll of the new one.
  await page.waitForTimeout(3_000);
  const after = await seen();
  expect(after.slice(after.indexOf(STOPPED))).toEqual([STOPPED]);
}

describe('Pull data pressed for another place while a pull runs', () => {
  const bench = useBench();
  beforeEach(async () => {
    await reset(bench().page);
  });

  it('checks on the first failing: follows the new pull to its end at once, and checks the first no more', async () => {
    const { page } = bench();
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    // Every check on the first pull fails.
    let first: unknown;
    let refused = 0;
    await onCalls(page, async (route, fn, [id]) => {
      if (fn !== 'pollPull') return false;
      first ??= id;
      if (id !== first) return false;
      refused++;
      await refuse(route);
      return true;
    });
    try {
      await startFirst(sb);
      await expect
        .poll(() => sb.locator('#status').textContent(), { timeout: 30_000 })
        .toMatch(/^Could not check on the pull: .*Trying again in 5 s/);
      await pullAnother(sb);
      await turnedTo(sb, 'Second');
      const checked = refused;
      const seen = await record(sb);
      await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 30_000 });
      // Longer than the first pull's tries left would take (15 + 45 s at the tenfold clock).
      await page.waitForTimeout(7_000);
      expect(refused).toBe(checked);
      expect(await sb.locator('#jobStage').textContent()).toBe('Done');
      expect((await seen()).filter((s) => /Could not check|Lost touch/.test(s))).toEqual([]);
      expect(await sb.getByRole('button', { name: 'Pull data' }).isEnabled()).toBe(true);
    } finally {
      await page.unrouteAll();
    }
  });

  it('touch lost with the first while the new one starts: the new one is followed to its end', async () => {
    const { page } = bench();
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    // Every check on the first pull fails, and the second pull's start is held until its tries are done.
    let first: unknown;
    let refused = 0;
    let starts = 0;
    let release: () => void = () => {};
    const released = new Promise<void>((r) => (release = r));
    await onCalls(page, async (route, fn, [id]) => {
      if (fn === 'startPull' && ++starts === 2) await released;
      if (fn !== 'pollPull') return false;
      first ??= id;
      if (id !== first) return false;
      refused++;
      await refuse(route);
      return true;
    });
    try {
      await startFirst(sb);
      await expect
        .poll(() => sb.locator('#status').textContent(), { timeout: 30_000 })
        .toMatch(/^Could not check on the pull: /);
      await pullAnother(sb);
      // The first check and its three tries again (5 + 15 + 45 s at the tenfold clock) all refused.
      await expect.poll(() => refused, { timeout: 30_000 }).toBe(4);
      await page.waitForTimeout(1_000);
      release();
      await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 30_000 });
      expect(await sb.locator('#jobTarget').textContent()).toBe('Second');
      expect(await sb.locator('#status').textContent()).not.toMatch(/Lost touch/);
    } finally {
      release();
      await page.unrouteAll();
    }
  });

  it('the new pull stopped while a check on the first is under way: "Stopped" stays, nothing said over it', async () => {
    const { page, running } = bench();
    const sim = running.workbench.session.backend.simulator;
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    // The first check on the first pull is held until the new pull has been stopped, then refused.
    let first: unknown;
    let held = false;
    let release: () => void = () => {};
    const released = new Promise<void>((r) => (release = r));
    await onCalls(page, async (route, fn, [id]) => {
      if (fn !== 'pollPull') return false;
      first ??= id;
      if (id !== first) return false;
      if (!held) {
        held = true;
        await released;
        await refuse(route);
        return true;
      }
      return false;
    });
    try {
      await startFirst(sb);
      await expect.poll(() => held, { timeout: 30_000 }).toBe(true);
      // An outage keeps the new pull running (it tries again) until it is stopped.
      sim?.setFaults({ errorRate: 1 });
      await stopSecondThenRelease(page, sb, release);
    } finally {
      release();
      await page.unrouteAll();
      sim?.setFaults({});
    }
  });

  it('pressed while the first was still starting, the new pull stopped before the first started: "Stopped" stays', async () => {
    const { page, running } = bench();
    const sim = running.workbench.session.backend.simulator;
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    // The first pull's start is held until the new pull has been stopped.
    let starts = 0;
    let release: () => void = () => {};
    const released = new Promise<void>((r) => (release = r));
    await onCalls(page, async (_, fn) => {
      if (fn === 'startPull' && ++starts === 1) await released;
      return false;
    });
    // An outage keeps the new pull running (it tries again) until it is stopped.
    sim?.setFaults({ errorRate: 1 });
    try {
      await startFirst(sb);
      await expect.poll(() => starts).toBe(1);
      await stopSecondThenRelease(page, sb, release);
    } finally {
      release();
      await page.unrouteAll();
      sim?.setFaults({});
    }
  });

  it('the first started while the new one was still starting: the first is never shown over it', async () => {
    const { page } = bench();
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    // Both starts are held; the first is answered while the new one's is on its way.
    let starts = 0;
    let firstStarted = false;
    const release: (() => void)[] = [];
    const held = [0, 1].map(() => new Promise<void>((r) => release.push(r)));
    await onCalls(page, async (route, fn) => {
      if (fn !== 'startPull') return false;
      const n = starts++;
      await held[n];
      await route.fulfill({ response: await route.fetch() });
      if (n === 0) firstStarted = true;
      return true;
    });
    try {
      await startFirst(sb);
      await expect.poll(() => starts).toBe(1);
      await pullAnother(sb);
      await expect.poll(() => starts).toBe(2);
      const seen = await record(sb);
      release[0]?.();
      await expect.poll(() => firstStarted).toBe(true);
      await page.waitForTimeout(1_000);
      release[1]?.();
      await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 30_000 });
      expect((await seen()).filter((s) => !s.startsWith('Second: '))).toEqual([]);
    } finally {
      for (const r of release) r();
      await page.unrouteAll();
    }
  });

  // whilePulling took the first's refusal for the end of the pull it followed: the sidebar stopped
  // following the new one, and Pull data was free for the place it writes into.
  for (const order of ['after', 'before'] as const)
    it(`the first's start refused ${order} the new one's is answered: the new pull is followed to its end, the refusal said by it`, async () => {
      const { page, running } = bench();
      await menu(page, 'Pull data…');
      const sb = await sidebar(page, 'Pull data from Assembled');
      // Both starts held; the first is refused as the server would, the new one goes on to the add-on.
      let starts = 0;
      let answered = false;
      const release: (() => void)[] = [];
      const held = [0, 1].map(() => new Promise<void>((r) => release.push(r)));
      await onCalls(page, async (route, fn) => {
        if (fn !== 'startPull') return false;
        const n = starts++;
        await held[n];
        if (n === 0) await route.fulfill({ json: { ok: false, message: TOO_MANY } });
        else await route.fulfill({ response: await route.fetch() });
        answered = true;
        return true;
      });
      try {
        await startFirst(sb);
        await expect.poll(() => starts).toBe(1);
        await pullAnother(sb);
        await expect.poll(() => starts).toBe(2);
        const seen = await record(sb);
        for (const n of order === 'after' ? [1, 0] : [0, 1]) {
          answered = false;
          release[n]?.();
          await expect.poll(() => answered).toBe(true);
          await page.waitForTimeout(1_000);
        }
        await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 30_000 });
        expect(await sb.locator('#jobTarget').textContent()).toBe('Second');
        expect(running.workbench.rt.workbook.sheetNames()).toContain('Second');
        // Said under the pull followed; never as its status, and no pull into "First" said to carry on.
        expect(await sb.locator('#jobLeftBehind').textContent()).toBe(
          `The pull into "First" did not start: ${TOO_MANY}`,
        );
        expect((await seen()).filter((s) => s.includes(TOO_MANY) || !s.startsWith('Second: '))).toEqual([]);
      } finally {
        for (const r of release) r();
        await page.unrouteAll();
      }
    });
});
