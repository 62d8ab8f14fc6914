// Data ▸ Sort range ▸ Advanced range sorting options, as Sheets' dialog: "Data has header row"
// (the first row stays on top, and names the columns), Sort by one of the range's columns, A → Z or
// Z → A. Sort or Cancel; either way the keyboard goes back to the grid.
import { byId, columnLetters, el } from './dom';

/** The range to sort: its columns (1-based in the sheet), and what its first row shows in each. */
export interface SortRange {
  a1: string;
  left: number;
  right: number;
  header: (column: number) => string;
}

export type SortChoice = { column: number; ascending: boolean; header: boolean };

export function sortDialog(sort: (choice: SortChoice) => void, back: () => void): (range: SortRange) => void {
  const dialog = byId<HTMLDialogElement>('sortDialog');
  const header = byId<HTMLInputElement>('sortHeader');
  const column = byId<HTMLSelectElement>('sortColumn');
  let range: SortRange | null = null;

  /** The columns as Sheets names them: by letter, or by the header row's text when it has one. */
  const fill = () => {
    if (!range) return;
    const chosen = column.value;
    const options = [];
    for (let c = range.left; c <= range.right; c++) {
      const name = header.checked ? range.header(c) : '';
      options.push(el('option', { value: String(c) }, name || `Column ${columnLetters(c)}`));
    }
    column.replaceChildren(...options);
    if (chosen) column.value = chosen;
  };
  header.addEventListener('change', fill);
  dialog.addEventListener('close', () => {
    const at = range;
    range = null;
    back();
    if (dialog.returnValue !== 'sort' || !at) return;
    const order = dialog.querySelector<HTMLInputElement>('input[name="sortOrder"]:checked')?.value;
    sort({ column: Number(column.value), ascending: order !== 'desc', header: header.checked });
  });

  return (r) => {
    range = r;
    byId('sortTitle').textContent = `Sort range from ${r.a1.replace(':', ' to ')}`;
    header.checked = false;
    column.replaceChildren();
    fill();
    const first = dialog.querySelector<HTMLInputElement>('input[name="sortOrder"][value="asc"]');
    if (first) first.checked = true;
    dialog.returnValue = '';
    dialog.showModal();
    header.focus();
  };
}
