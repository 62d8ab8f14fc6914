// A cell cleared keeps its note, as in Sheets: Delete over it (a user's edit) and
// Range.clearContent() remove its value only; clearNote() is what removes the note. The add-on
// reads what a pushed row sent from its Push status note (sent-print.ts), which clearing the
// status must not take away.
import { describe, expect, it } from 'vitest';
import { runtimeFor } from './fixture.js';

const CODE = `
function cell() { return SpreadsheetApp.getActive().getSheetByName('Sheet1').getRange('B2'); }
function noted() { cell().setValue('ingested').setNote('what was sent'); }
function read() { return { value: cell().getValue(), note: cell().getNote() }; }
function clearContent() { cell().clearContent(); }
function clearNote() { cell().clearNote(); }
`;

describe('a cleared cell', () => {
  it('keeps its note when a user deletes its value', () => {
    const rt = runtimeFor(CODE);
    rt.run('noted');
    rt.workbook.write('Sheet1', [['']], { row: 2, column: 2 });
    expect(rt.run('read').value).toEqual({ value: '', note: 'what was sent' });
  });

  it('keeps its note through clearContent(), and loses it to clearNote()', () => {
    const rt = runtimeFor(CODE);
    rt.run('noted');
    rt.run('clearContent');
    expect(rt.run('read').value).toEqual({ value: '', note: 'what was sent' });
    rt.run('clearNote');
    expect(rt.run('read').value).toEqual({ value: '', note: '' });
  });
});
