// Edit ▸ Undo and Redo in the workbench, as in Sheets: each editor's own edits in the grid (typing,
// Delete, paste and cut, Sort range, notes, number formats, filters, rows and columns) taken back
// one at a time and brought back again; the add-on's writes are not the person's to undo, and an
// edit whose cells the add-on has written over since is left as it is, with a toast saying so.
import { afterEach, describe, expect, it } from 'vitest';
import { SECOND_EDITOR } from '../../dev/workbench/session';
import { Workbench } from '../../dev/workbench/workbench';
import { pullToEnd } from '../addon/pull-to-end';

/** Teams pulled by Replace into the sheet Teams, as the sidebar pulls them. */
const pullTeams = (bench: Workbench) =>
  pullToEnd(
    bench.rt,
    {
      source: { kind: 'resource', resource: 'teams' },
      target: { kind: 'sheet', name: 'Teams' },
      mode: 'replace',
    },
    `undo-${bench.rt.clock.now()}`,
  );

describe('Edit ▸ Undo in the workbench', () => {
  let bench: Workbench | undefined;
  afterEach(() => bench?.close());

  it('takes back each kind of edit, newest first, many steps deep, and Redo brings them back', async () => {
    bench = await Workbench.create({ followRealClock: false }, '');
    const wb = bench.rt.workbook;
    wb.addSheet('Other');
    const runs = bench.rt.executions.length;
    /** Everything an edit may change, to compare the workbook between steps. */
    const look = () =>
      ['Sheet1', 'Other'].map((sheet) => ({
        formulas: wb.formulas(sheet),
        values: wb.values(sheet),
        notes: wb.notes(sheet),
        formats: wb.numberFormats(sheet),
        size: wb.size(sheet),
        filter: wb.filter(sheet),
      }));
    const seen = [look()];
    const ok = (reply: { ok: boolean }) => {
      expect(reply).toMatchObject({ ok: true });
      seen.push(look());
    };
    ok(
      bench.write('Sheet1', 1, 1, [
        ['Agent', 'Handled'],
        ['cy', '10'],
        ['ada', '4'],
      ]),
    );
    ok(bench.write('Other', 1, 1, [['=Sheet1!B3*2']]));
    ok(bench.note('Sheet1', 'A2', 'checked'));
    ok(bench.sort('Sheet1', 'A1:B3', 1, true, true));
    ok(bench.numberFormat('Sheet1', 'B2:B3', 'plain text'));
    ok(bench.filter('Sheet1', 'A1', 'create'));
    // Rows inserted above the table: the formula on the other sheet follows them.
    ok(bench.changeLines('Sheet1', { lines: 'rows', action: 'insert', at: 1, count: 2 }));
    expect(wb.formulas('Other')[0]?.[0]).toBe('=Sheet1!B5*2');
    ok(bench.changeLines('Sheet1', { lines: 'columns', action: 'delete', at: 2, count: 1 }));
    // Cut from one sheet and pasted into the other.
    expect(bench.copy('Sheet1', 'A4', true, 'cut-1')).toEqual({ ok: true });
    ok(bench.write('Other', 3, 1, [['ada']], 'cut-1'));
    expect(wb.values('Other')[2]).toEqual(['ada']);
    ok(bench.write('Sheet1', 5, 1, [['']]));
    expect(seen.length).toBe(11);
    expect(bench.state().steps).toEqual({ undo: 10, redo: 0 });

    for (let i = seen.length - 2; i >= 0; i--) {
      expect(bench.undo()).toMatchObject({ ok: true, sheet: expect.any(String) });
      expect(look()).toEqual(seen[i]);
    }
    expect(bench.state().steps).toEqual({ undo: 0, redo: 10 });
    expect(bench.undo()).toEqual({ ok: true, sheet: null });
    for (let i = 1; i < seen.length; i++) {
      bench.undo(true);
      expect(look()).toEqual(seen[i]);
    }
    // A new edit after undoing ends what Redo could bring back, as in Sheets.
    bench.undo();
    ok(bench.write('Sheet1', 9, 1, [['new']]));
    expect(bench.state().steps).toEqual({ undo: 10, redo: 0 });
    expect(bench.undo(true)).toEqual({ ok: true, sheet: null });
    expect(bench.rt.executions.length).toBe(runs);
  });

  it("leaves an edit whose cells the add-on wrote over since, says so, and goes on to the one before; the add-on's writes stay", async () => {
    bench = await Workbench.create({ followRealClock: false }, '');
    const wb = bench.rt.workbook;
    wb.addSheet('Teams');
    expect(await pullTeams(bench)).toMatchObject({ state: 'done' });
    const table = wb.values('Teams');
    bench.write('Teams', 40, 1, [['a note of mine']]);
    bench.write('Teams', 2, 1, [['typed over a team']]);
    // The add-on's pull again (a script, not the person) writes its table over A2.
    expect(await pullTeams(bench)).toMatchObject({ state: 'done' });
    expect(wb.values('Teams').slice(0, 9)).toEqual(table);
    const before = bench.state().toast?.serial;
    expect(bench.undo()).toEqual({ ok: true, sheet: 'Teams' });
    expect(wb.values('Teams').slice(0, 9)).toEqual(table);
    expect(bench.state().toast).toMatchObject({
      title: 'Not undone',
      message:
        "Your edit was not undone: the add-on or another editor has changed 'Teams'!A2 since, and undoing it would lose their change. Undo again to go on to the edit before it.",
    });
    const refused = bench.state().toast?.serial;
    expect(refused).not.toBe(before);
    // The next Undo takes back the edit before it, the table left as the add-on wrote it, and
    // takes down the toast, which no longer holds.
    expect(bench.undo()).toEqual({ ok: true, sheet: 'Teams', withdrawn: refused });
    expect(wb.values('Teams')).toEqual(table);
    expect(bench.state().toast).toBeNull();
    expect(bench.state().steps).toEqual({ undo: 0, redo: 1 });
  });

  it("is each editor's own: another editor's Undo does not take back the first one's edit", async () => {
    bench = await Workbench.create({ followRealClock: false }, '');
    bench.write('Sheet1', 1, 1, [['mine']]);
    bench.switchEditor(SECOND_EDITOR);
    expect(bench.state().steps).toEqual({ undo: 0, redo: 0 });
    bench.write('Sheet1', 2, 1, [['theirs']]);
    bench.undo();
    bench.undo();
    expect(bench.rt.workbook.values('Sheet1')).toEqual([['mine']]);
    bench.switchEditor(bench.session.rt.user);
    bench.undo();
    expect(bench.rt.workbook.values('Sheet1')).toEqual([]);
  });

  it("a row inserted inside a pulled table and undone leaves the table as long as it was, as the add-on's next pull finds it", async () => {
    bench = await Workbench.create({ followRealClock: false }, '');
    const { rt } = bench;
    rt.workbook.addSheet('Teams');
    const pull = () => pullTeams(bench as Workbench);
    expect(await pull()).toMatchObject({ state: 'done' });
    const table = rt.workbook.values('Teams');
    expect(bench.changeLines('Teams', { lines: 'rows', action: 'insert', at: 5, count: 1 })).toMatchObject({
      ok: true,
    });
    expect(bench.undo()).toEqual({ ok: true, sheet: 'Teams' });
    expect(rt.workbook.values('Teams')).toEqual(table);
    const again = await pull();
    // Not "1 row inserted inside the table since its last pull was written over".
    expect(again.message).toBe(`${table.length - 1} rows written to Teams!A1.`);
  });

  it('brings a deleted sheet back where it stood, with its cells and the formulas that read it, under a new id; Redo deletes it again', async () => {
    bench = await Workbench.create({ followRealClock: false }, '');
    const wb = bench.rt.workbook;
    wb.addSheet('Data');
    wb.addSheet('Other');
    bench.write('Data', 1, 1, [
      ['Agent', 'Handled'],
      ['ada', '4'],
    ]);
    bench.note('Data', 'A2', 'checked');
    bench.numberFormat('Data', 'B2', 'plain text');
    bench.write('Other', 1, 1, [['=Data!B2*2']]);
    const look = () => ({
      values: wb.values('Data'),
      notes: wb.notes('Data'),
      formats: wb.numberFormats('Data'),
    });
    const data = look();
    const id = wb.sheetId('Data');

    expect(bench.deleteSheet('Data')).toEqual({ ok: true });
    expect(wb.formulas('Other')[0]?.[0]).toBe('=#REF!*2');
    // Undo is each editor's own: another's does not bring it back.
    bench.switchEditor(SECOND_EDITOR);
    expect(bench.undo()).toEqual({ ok: true, sheet: null });
    expect(wb.sheetNames()).toEqual(['Sheet1', 'Other']);
    bench.switchEditor(bench.session.rt.user);
    expect(bench.state().steps.undo).toBe(5);

    expect(bench.undo()).toEqual({ ok: true, sheet: 'Data' });
    expect(wb.sheetNames()).toEqual(['Sheet1', 'Data', 'Other']);
    expect(look()).toEqual(data);
    expect(wb.formulas('Other')[0]?.[0]).toBe('=Data!B2*2');
    // The stricter reading: whether Sheets gives it its old id back is not known.
    expect(wb.sheetId('Data')).not.toBe(id);
    // The edits made in it before the delete are undone in it as well.
    expect(bench.undo()).toEqual({ ok: true, sheet: 'Other' });
    expect(bench.undo()).toEqual({ ok: true, sheet: 'Data' });
    expect(data.formats[1]?.[1]).toBe('@');
    expect(wb.numberFormats('Data')[1]?.[1]).not.toBe('@');
    expect(bench.undo(true)).toEqual({ ok: true, sheet: 'Data' });
    expect(bench.undo(true)).toEqual({ ok: true, sheet: 'Other' });
    // Redo deletes it again: the sheet that took its place is shown.
    expect(bench.undo(true)).toEqual({ ok: true, sheet: 'Other' });
    expect(wb.sheetNames()).toEqual(['Sheet1', 'Other']);
    expect(wb.formulas('Other')[0]?.[0]).toBe('=#REF!*2');

    // Another sheet given its name meanwhile: Undo leaves both as they are, and says why.
    wb.addSheet('Data');
    expect(bench.undo()).toEqual({ ok: true, sheet: 'Data' });
    expect(wb.sheetNames()).toEqual(['Sheet1', 'Other', 'Data']);
    expect(wb.values('Data')).toEqual([]);
    expect(bench.state().toast).toMatchObject({
      title: 'Not undone',
      message:
        'Your edit was not undone: the add-on or another editor has given another sheet the name Data since, and undoing it would lose their change. Undo again to go on to the edit before it.',
    });
  });

  it('takes back a push row pasted too far right after Validate, which kept what landed under Push status and Assembled ID', async () => {
    bench = await Workbench.create({ followRealClock: false }, '');
    const { rt } = bench;
    const { sheet } = await rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'associations');
    rt.workbook.select(`'${sheet}'!A1`);
    // Agent, platform and ID pasted at C2: the platform lands under Push status, the ID (a date,
    // as Sheets reads 2026-11-20) under Assembled ID.
    bench.write(sheet, 2, 3, [['ines.novak@example.com', 'intercom', '2026-11-20']]);
    const pasted = rt.workbook.values(sheet)[1]?.slice(0, 5);
    await rt.callFromSidebar('validatePush', 'associations');
    expect(rt.workbook.values(sheet)[1]?.slice(0, 5)).toEqual(pasted);
    expect(bench.undo()).toEqual({ ok: true, sheet });
    expect(rt.workbook.values(sheet)[1]?.slice(0, 5)).toEqual(['', '', '', '', '']);
  });
});
