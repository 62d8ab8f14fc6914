// Cells copied (or cut) in the workbench grid paste as Sheets pastes its own: values with their
// number formats, notes and data validation, so a pushed row copied carries the add-on's notes
// and its All day checkbox, as it would in Sheets. Text from elsewhere is typed. Ctrl+Shift+V pastes
// the values only, as Sheets' Paste special ▸ Values only: each with its type, a date to the
// millisecond, and nothing else.
import { afterEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../dev/workbench/workbench';
import { TIME_OFF_HEADER } from '../support/time-off-template';

/** A row pushed: its Push status and Assembled ID filled in, its status cell noted. */
const ROW = [
  'ada@example.com',
  '2026-12-22 09:00',
  '2026-12-22 17:00',
  'FALSE',
  'pto',
  'dentist',
  'created',
  'req-1',
];

describe('copy, cut and paste in the workbench grid', () => {
  let bench: Workbench | undefined;
  afterEach(() => bench?.close());

  async function pushSheet(): Promise<{ bench: Workbench; sheet: string }> {
    bench = await Workbench.create({ followRealClock: false }, '');
    const { sheet } = await bench.rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'time_off');
    const wb = bench.rt.workbook;
    expect(wb.values(sheet)[0]).toEqual(TIME_OFF_HEADER);
    wb.write(sheet, [ROW], { row: 2 });
    wb.note(`'${sheet}'!G2`, 'Sent 2026-12-01 10:00');
    return { bench, sheet };
  }

  it('a copied row pastes with its formats, notes and checkbox into a plain sheet', async () => {
    const { bench, sheet } = await pushSheet();
    const wb = bench.rt.workbook;
    const other = 'Copy';
    wb.addSheet(other);
    expect(bench.copy(sheet, 'A2:J2', false, 'copy-1')).toEqual({ ok: true });
    // The page sends what the cells show, with the copy's token.
    const shown = [wb.displayValues(sheet)[1] ?? []];
    expect(bench.write(other, 4, 1, shown, 'copy-1')).toMatchObject({ ok: true });
    // The source sheet's data range is its header's width; the row's cells are its first 8.
    const row = <T>(grid: T[][], i: number) => grid[i]?.slice(0, ROW.length);
    expect(row(wb.displayValues(other), 3)).toEqual(row(wb.displayValues(sheet), 1));
    expect(row(wb.values(other), 3)).toEqual(row(wb.values(sheet), 1));
    expect(row(wb.numberFormats(other), 3)).toEqual(row(wb.numberFormats(sheet), 1));
    expect(row(wb.notes(other), 3)).toEqual(row(wb.notes(sheet), 1));
    expect(wb.notes(other)[3]?.[6]).toBe('Sent 2026-12-01 10:00');
    expect(wb.dataValidations(other)[3]?.[3]).toMatchObject({ criteria: 'CHECKBOX' });
    // The source is as it was.
    expect(wb.values(sheet)[1]?.[0]).toBe('ada@example.com');
  });

  it('values only (Ctrl+Shift+V) lays down each value with its type, a date to the millisecond, and no note, formula or checkbox', async () => {
    const { bench, sheet } = await pushSheet();
    const wb = bench.rt.workbook;
    const pushedAt = new Date('2026-12-01T15:00:07.482Z');
    wb.write(sheet, [['=1+2', pushedAt]], { row: 2, column: 9 });
    wb.addSheet('Copy');
    bench.copy(sheet, 'A2:J2', false, 'values-1');
    // The page sends what the cells show: a time to the second, the formula's result.
    const shown = [wb.displayValues(sheet)[1] ?? []];
    expect(bench.write('Copy', 4, 1, shown, 'values-1', true)).toMatchObject({ ok: true });
    const [pasted = []] = wb.values('Copy').slice(3);
    expect(pasted).toEqual(wb.values(sheet)[1]);
    expect((pasted[9] as Date).getTime()).toBe(pushedAt.getTime());
    expect(wb.formulas('Copy')[3]?.[8]).toBe('');
    expect(wb.values('Copy')[3]?.[8]).toBe(3);
    // Dates stay dates: their format comes with them where the cell had none.
    expect(wb.displayValues('Copy')[3]).toEqual(wb.displayValues(sheet)[1]);
    expect(wb.notes('Copy')[3]?.every((n) => n === '')).toBe(true);
    expect(wb.dataValidations('Copy')[3]?.every((v) => v === null)).toBe(true);
    // A date pasted over a cell formatted as a date of its own keeps that cell's format.
    wb.numberFormat('Copy!B6', 'dd/mm/yyyy');
    bench.write('Copy', 6, 1, shown, 'values-1', true);
    expect(wb.displayValues('Copy')[5]?.[1]).toBe('22/12/2026');
  });

  it('a cut moves the cells, everything in them, at its paste', async () => {
    const { bench, sheet } = await pushSheet();
    const wb = bench.rt.workbook;
    const before = { values: wb.values(sheet)[1], formats: wb.numberFormats(sheet)[1] };
    expect(bench.copy(sheet, 'A2:J2', true, 'cut-1')).toEqual({ ok: true });
    // Nothing leaves before the paste, as in Sheets.
    expect(wb.values(sheet)[1]).toEqual(before.values);
    bench.write(sheet, 1002, 1, [wb.displayValues(sheet)[1] ?? []], 'cut-1');
    expect(wb.values(sheet)[1001]).toEqual(before.values);
    expect(wb.numberFormats(sheet)[1001]).toEqual(before.formats);
    expect(wb.notes(sheet)[1001]?.[6]).toBe('Sent 2026-12-01 10:00');
    // Row 2 is empty now, its template checkbox and note gone with the cells.
    expect(wb.values(sheet)[1]?.every((v) => v === '')).toBe(true);
    expect(wb.notes(sheet)[1]?.every((v) => v === '')).toBe(true);
    expect(wb.dataValidations(sheet)[1]?.[3]).toBeNull();
    // Pasted past the sheet's last row, the sheet grew as typing grows it.
    expect(wb.size(sheet).maxRows).toBe(1002);
  });

  it('one cell copied fills the range pasted over; text from elsewhere is typed', async () => {
    const { bench, sheet } = await pushSheet();
    const wb = bench.rt.workbook;
    wb.addSheet('Copy');
    bench.copy(sheet, 'D2', false, 'one');
    bench.write(
      'Copy',
      1,
      1,
      [
        ['FALSE', 'FALSE'],
        ['FALSE', 'FALSE'],
      ],
      'one',
    );
    expect(
      wb
        .dataValidations('Copy')
        .flat()
        .map((v) => v?.criteria),
    ).toEqual(new Array(4).fill('CHECKBOX'));
    // A token the server does not hold (another copy since, or another program's text): typed.
    bench.write('Copy', 5, 1, [['2026-12-22 09:00']], 'stale');
    expect(wb.notes('Copy')[4]?.[0]).toBe('');
    expect(wb.dataValidations('Copy')[4]?.[0]).toBeNull();
  });
});
