// What the workbench shows of a push template's dropdowns: the list itself (not Sheets' criteria
// pair), on the empty rows under the header the template's rules cover.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { sheetView } from '../../dev/workbench/sheet-view';

describe('the workbench shows a template’s dropdowns', () => {
  it('offers each list on the empty rows the rules cover', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live' });
    const { sheet } = await rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'activities');
    const view = sheetView(rt, sheet);
    const header = view.rows[0]?.map((c) => c.text) ?? [];
    const row2 = view.rows[1] ?? [];
    expect(row2[header.indexOf('Action')]?.choices).toEqual(['create', 'update', 'delete']);
    expect(row2[header.indexOf('Type')]?.choices).toEqual(
      expect.arrayContaining(['Phones', 'Paid time off']),
    );
    expect(row2[header.indexOf('Agent')]?.choices).toBeUndefined();
    // The sheet holds its header and the unticked boxes (FALSE, as insertCheckboxes leaves them) of
    // every row under it, so the view carries them all, each with its dropdowns.
    expect(view.lastRow).toBe(1000);
    expect(view.rows).toHaveLength(1000);
    expect(view.rows[999]?.[header.indexOf('Action')]?.choices).toEqual(['create', 'update', 'delete']);
  });
});
