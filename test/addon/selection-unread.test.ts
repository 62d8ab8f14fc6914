// Pull data's options when the selection cannot be read (Sheets answers getActiveRange with an
// error): the form still gets its choices, its sheets and the sheet in front; only "Active cell" is
// without a cell, and the options say why. QA saw the whole call fail on it, and an empty form.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Spreadsheet } from '../../dev/gas/services/spreadsheet/spreadsheet';
import { startLocalAddon } from '../../dev/local-addon';
import type { JobView, PullOptions } from '../../src/core/pull/pull-view';
import { pullToEnd } from './pull-to-end';

const FAILED = 'Service Spreadsheets failed while accessing document with id 1abc.';

describe('a selection that cannot be read', () => {
  afterEach(() => vi.restoreAllMocks());

  it('leaves Pull data its options, without an active cell, saying why; a pull into a new sheet still runs', async () => {
    const { rt } = await startLocalAddon();
    rt.workbook.addSheet('Notes');
    rt.workbook.select('Notes!C4');
    const read = await rt.callFromSidebar<PullOptions>('getPullOptions');
    expect(read.activeCell).toEqual({ sheet: 'Notes', a1: 'C4' });

    vi.spyOn(Spreadsheet.prototype, 'getActiveRange').mockImplementation(() => {
      throw new Error(FAILED);
    });
    const options = await rt.callFromSidebar<PullOptions>('getPullOptions');
    expect(options.activeCell).toEqual({ sheet: 'Notes', unread: FAILED });
    expect(options.sheets).toEqual(['Sheet1', 'Notes']);
    expect(options.sources.length).toBeGreaterThan(0);
    expect(options.presets.length).toBeGreaterThan(0);

    // Pull data pressed still pulls: into a new sheet, and the sheets made behind the person's
    // (the log) are made though their selection could not be read to put back.
    const job = await pullToEnd(
      rt,
      {
        source: { kind: 'resource', resource: 'teams' },
        target: { kind: 'new_sheet', name: 'Teams' },
        mode: 'replace',
      },
      'selection-unread-0001',
    );
    expect(job).toMatchObject<Partial<JobView>>({ state: 'done' });
    expect(rt.workbook.activeSheet()).toBe('Teams');
    expect(rt.workbook.sheetNames()).toEqual(['Sheet1', 'Notes', 'Teams', 'Assembled log']);
  });
});
