// The State column's note, and the problem of a new: with no name, show new: with a name that
// needs it, through the built bundle: one a letter or two off a known state, refused without new:.
// A name far from all (snoozing) is sent as written without it, so showing it would mislead.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)("the State column's new: example", () => {
  it('is a name refused without new: and sent with it', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a) throw new Error('no agents');
    const row = (state: string, hour = '09') => [
      a.email,
      state,
      '',
      `2026-05-24 ${hour}:00`,
      `2026-05-24 ${hour}:20`,
      'five9',
    ];
    const sheet = await template(rt, 'agent_states', [row('new:')]);
    const [head = [], notes = []] = [rt.workbook.values(sheet)[0], rt.workbook.notes(sheet, 1)[0]];
    const note = String(notes[head.indexOf('State')] ?? '');
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states');
    const examples = [note, check.problems[0] ?? ''].map((words) => /\(new: (\w+)\)/.exec(words)?.[1]);
    expect(examples).toEqual(['brek', 'brek']);

    rt.workbook.write(sheet, [row('brek'), row('new: brek', '10')], { row: 2 });
    const again = await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states');
    expect(again).toMatchObject({ ok: 1, errors: 1 });
    expect(again.problems[0]).toContain('did you mean "break"?');
  });
});
