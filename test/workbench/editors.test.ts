// The workbench's second editor: switching who is at the keyboard changes whose User properties,
// menu and sidebar the add-on uses, while the spreadsheet stays the one they share.
import { afterEach, describe, expect, it } from 'vitest';
import { SECOND_EDITOR, SECOND_EDITOR_KEY } from '../../dev/workbench/session';
import { Workbench } from '../../dev/workbench/workbench';
import type { ConnectionReport } from '../../src/core/server-api';
import type { SettingsView } from '../../src/core/settings';

async function settings(bench: Workbench): Promise<SettingsView> {
  const reply = await bench.run('getSettings', []);
  if (!reply.ok) throw new Error(reply.message);
  return reply.value as SettingsView;
}

describe('the workbench editors', () => {
  let bench: Workbench | undefined;
  afterEach(() => bench?.close());

  it('runs the add-on as the editor at the keyboard, each with their own key', async () => {
    bench = await Workbench.create({ followRealClock: false }, '');
    const first = bench.state().user;
    expect(bench.state().editors).toEqual([first, SECOND_EDITOR]);
    expect(await settings(bench)).toMatchObject({ hasKey: true });
    bench.rt.workbook.addSheet('Shared');
    bench.select('Shared', 'B3');
    expect(bench.menu(['Assembled for Google Sheets', 'Settings…'])).toEqual({ ok: true });
    expect(bench.state().sidebar).not.toBeNull();

    expect(bench.switchEditor(SECOND_EDITOR)).toEqual({ ok: true });
    const state = bench.state();
    expect(state.user).toBe(SECOND_EDITOR);
    // The spreadsheet opened for them: their own menu; the first editor's sidebar is not theirs.
    expect(state.menus.map((m) => m.title)).toEqual(['Assembled for Google Sheets']);
    expect(state.sidebar).toBeNull();
    // The same sheet and cells in front of them.
    expect(bench.rt.workbook.selection()).toBe('Shared!B3');
    expect(await settings(bench)).toMatchObject({ hasKey: false });
    // A call from the sidebar of the editor who left does not run as the one now at the keyboard.
    expect(await bench.run('clearApiKey', [], first)).toEqual({
      ok: false,
      message: `This sidebar was ${first}'s, who is no longer at the keyboard.`,
    });

    // The key the simulator issued for them is accepted, and it is theirs only.
    const tested = await bench.run('testConnection', [
      { apiKey: SECOND_EDITOR_KEY, timeFormat: 'unix', apiVersion: '' },
    ]);
    expect(tested).toMatchObject({ ok: true, value: { ok: true } satisfies Partial<ConnectionReport> });
    await bench.run('saveSettings', [{ apiKey: SECOND_EDITOR_KEY, timeFormat: 'unix', apiVersion: '' }]);
    const theirs = await settings(bench);

    expect(bench.switchEditor(first)).toEqual({ ok: true });
    const mine = await settings(bench);
    expect(mine.hasKey).toBe(true);
    expect(mine.keyHint).not.toBe(theirs.keyHint);
    expect(bench.switchEditor('someone@example.com')).toEqual({
      ok: false,
      message: 'someone@example.com is not an editor in this workbench',
    });

    expect(bench.switchEditor(SECOND_EDITOR)).toEqual({ ok: true });
    await bench.reset();
    expect(bench.state().user).toBe(first);
  });
});
