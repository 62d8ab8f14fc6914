// Blocks of cells on the clipboard as Sheets and Excel put them there: rows on lines, cells split by
// tabs, and a cell holding a tab, a line break or a quote wrapped in quotes (quotes doubled).

export function toTsv(rows: string[][]): string {
  const quote = (cell: string) => (/[\t\n\r"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((line) => line.map(quote).join('\t')).join('\n');
}

export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let line: string[] = [];
  let cell = '';
  let i = 0;
  // A quote opens a quoted cell only at the start of a cell, as Sheets reads it.
  let atStart = true;
  while (i < text.length) {
    const ch = text[i] as string;
    if (atStart && ch === '"') {
      const close = closingQuote(text, i + 1);
      if (close !== -1) {
        cell = text.slice(i + 1, close).replace(/""/g, '"');
        i = close + 1;
        atStart = false;
        continue;
      }
    }
    atStart = false;
    if (ch === '\t') {
      line.push(cell);
      cell = '';
      atStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line.push(cell);
      rows.push(line);
      line = [];
      cell = '';
      atStart = true;
    } else cell += ch;
    i++;
  }
  // The last line's break is optional (Excel ends with one, Sheets does not).
  if (!atStart || line.length || cell) {
    line.push(cell);
    rows.push(line);
  }
  return rows;
}

/** Index of the quote that closes a quoted cell opened before `from`, or -1 if the cell is not one. */
function closingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (text[i + 1] === '"') {
      i++;
      continue;
    }
    const next = text[i + 1];
    return next === undefined || next === '\t' || next === '\n' || next === '\r' ? i : -1;
  }
  return -1;
}

/** Where a block was copied from: a cut moves its formulas as they are, so it has none. */
export interface CopiedFrom {
  row: number;
  col: number;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escaped = (text: string) => text.replace(/[&<>"]/g, (ch) => ESCAPES[ch] ?? ch);

/**
 * The block as HTML beside its plain text, as Sheets puts its own there: each cell's formula (or
 * what it shows), where it was copied from, for a paste in the workbench to move references, and
 * the copy's token, by which a paste in the workbench lays down the cells themselves (notes, formats
 * and validation with them) while that copy is the last one made.
 */
export function copiedHtml(inputs: string[][], from: CopiedFrom | undefined, clip = ''): string {
  const origin = from ? ` data-workbench-from="${from.row},${from.col}"` : '';
  const token = clip ? ` data-workbench-clip="${escaped(clip)}"` : '';
  const rows = inputs.map(
    (line) => `<tr>${line.map((v) => `<td data-input="${escaped(v)}">${escaped(v)}</td>`).join('')}</tr>`,
  );
  return `<table data-workbench-cells${origin}${token}>${rows.join('')}</table>`;
}

/** A block copied in the workbench, read back from its HTML; undefined for anything else. */
export function pastedCells(
  html: string,
): { inputs: string[][]; from?: CopiedFrom; clip?: string } | undefined {
  if (!html) return undefined;
  const table = new DOMParser()
    .parseFromString(html, 'text/html')
    .querySelector('table[data-workbench-cells]');
  if (!table) return undefined;
  const inputs = Array.from(table.querySelectorAll('tr'), (tr) =>
    Array.from(tr.querySelectorAll('td'), (td) => td.getAttribute('data-input') ?? ''),
  );
  const clip = table.getAttribute('data-workbench-clip') ?? '';
  const [row, col] = (table.getAttribute('data-workbench-from') ?? '').split(',').map(Number);
  return { inputs, ...(row && col ? { from: { row, col } } : {}), ...(clip ? { clip } : {}) };
}
