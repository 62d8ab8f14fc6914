// Pushed agent states changed since: an ingested state cannot be changed through the API, so the
// summaries of Validate and Push say so, as each row's Push message does, rather than that the
// messages say what to do. Through the built bundle; another kind keeps its words.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { changedSinceWords, validatedWords } from '../../src/core/push/progress-words';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)('pushed agent states changed since', () => {
  it('are said to be changed only in Assembled, by Validate and Push alike', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a) throw new Error('no agents');
    const row = (state: string, hour: number) => [
      a.email,
      state,
      '',
      `2026-05-24 ${hour}:00`,
      `2026-05-24 ${hour}:30`,
      'kustomer',
    ];
    const sheet = await template(rt, 'agent_states', [row('busy', 9), row('busy', 10), row('busy', 11)]);
    const push = async (key: string) =>
      follow(rt, await rt.callFromSidebar<PushView>('startPush', 'agent_states', key));
    expect(await push('changed-states-1')).toMatchObject({ state: 'done', succeeded: 3 });
    rt.workbook.write(sheet, [['break'], ['break'], ['break']], { row: 2, column: 2 });

    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states');
    expect(validatedWords(check)).toBe(
      `0 OK, 0 to fix, 3 already done, all of them changed since they were pushed (not sent: ingested states can only be changed in Assembled itself, as their Push messages say), in "${sheet}". Nothing was sent.`,
    );
    for (const message of column(rt, sheet, 'Push message'))
      expect(message).toMatch(/can only be changed in Assembled itself\./);
    expect((await push('changed-states-2')).message).toBe(
      'Finished: 0 ingested, 3 already done and skipped, all of them changed since they were pushed (not sent: ingested states can only be changed in Assembled itself, as their Push messages say). See the Push status column.',
    );
  });

  it('say the Push message says what to do for a kind that can send a change, and where to make it for states', () => {
    expect(changedSinceWords(1, 1, 'agent_states')).toBe(
      'changed since it was pushed (not sent: an ingested state can only be changed in Assembled itself, as its Push message says)',
    );
    expect(changedSinceWords(2, 5, 'associations')).toBe(
      '2 of them changed since they were pushed (their Push messages say what to do)',
    );
  });
});
