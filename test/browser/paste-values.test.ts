// Ctrl+Shift+V in the grid pastes values only, as Sheets' Paste special ▸ Values only does: each
// value with its type (a date stays a date, to the millisecond), without notes, formulas, text
// formats or validation. A pushed agent-state row copied so and changed is not the row Assembled
// took: it is held back as a copy, and nothing is sent for it.
import { describe, expect, it } from 'vitest';
import { cell, demoAgent, pushTemplate, typeRow, useBench } from './support';

describe('Paste values only in the workbench', () => {
  const bench = useBench();

  it('a pushed agent-state row pasted as values and changed is held back as a copy, not taken for done', async () => {
    const { page } = bench();
    const wb = bench().running.workbench.rt.workbook;
    const sim = bench().running.workbench.session.backend.simulator;
    const [a, b] = [demoAgent(bench()), demoAgent(bench(), 1)];
    const { sb, sheet } = await pushTemplate(page, 'agent_states');
    await typeRow(page, 2, [a.email, 'busy', 'phone', '2026-05-24 09:00', '2026-05-24 09:30', 'five9']);
    await typeRow(page, 3, [b.email, 'available', 'chat', '2026-05-24 10:00', '2026-05-24 11:00', 'zendesk']);
    await sb.getByRole('button', { name: 'Push', exact: true }).click();
    const status = (rows: number[]) => Promise.all(rows.map((r) => cell(page, r, 'G').textContent()));
    await expect.poll(() => status([2, 3]), { timeout: 30_000 }).toEqual(['ingested', 'ingested']);
    const ingests = () => sim?.stats().byRoute['POST /v0/agents/state'] ?? 0;
    const sent = ingests();

    // Row 3 copied whole and pasted as values only at A5: its values and their types, no note.
    await page.locator('#grid th[data-row="3"]').click();
    await page.keyboard.press('Control+C');
    await cell(page, 5, 'A').click();
    await page.keyboard.press('Control+Shift+V');
    await expect.poll(() => status([5])).toEqual(['ingested']);
    const row = (r: number) => wb.values(sheet)[r - 1] ?? [];
    const pushedAt = (r: number) => (row(r)[9] instanceof Date ? (row(r)[9] as Date).getTime() : row(r)[9]);
    expect(pushedAt(5)).toBe(pushedAt(3));
    expect(wb.notes(sheet)[4]?.every((n) => n === '')).toBe(true);

    // Given later times, it is a new state by its cells, but it carries row 3's push.
    await cell(page, 5, 'D').click();
    for (const time of ['2026-05-24 14:00', '2026-05-24 14:45']) {
      await page.locator('#formula').fill(time);
      await page.locator('#formula').press('Tab');
    }
    await expect.poll(() => cell(page, 5, 'E').textContent()).toMatch(/^2026-05-24 14:45/);
    const copied =
      'This row carries the Push status and Pushed at of row 3 (copied from it?): clear its Push status, Pushed at and the Push status note to send it as a new row.';
    await sb.getByRole('button', { name: 'Validate' }).click();
    await expect
      .poll(() => sb.locator('#status').textContent())
      .toMatch(/^0 OK, 1 to fix, 2 already done, in "Agent states to ingest"\. Nothing was sent\./);
    await expect.poll(() => cell(page, 5, 'I').textContent()).toBe(copied);
    await sb.getByRole('button', { name: 'Push', exact: true }).click();
    // Validate left these statuses already: the push is over when its own words say so.
    const said = async () => (await sb.locator('#status').textContent()) ?? '';
    await expect.poll(said, { timeout: 30_000 }).toMatch(/^Finished: /);
    expect(await said()).toContain(`Row 5: ${copied}`);
    expect(await status([2, 3, 5])).toEqual(['ingested', 'ingested', 'error']);
    expect(ingests()).toBe(sent);
  });
});
