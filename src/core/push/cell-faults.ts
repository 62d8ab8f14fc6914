// Cells that hold something other than what was typed: a formula's error, or an id that Excel or
// Sheets made a number of and so lost digits of. Said as what happened, not as a bad value.

/** The error values Sheets shows in a cell whose formula failed (getValues gives them as text). */
const ERRORS = ['#N/A', '#REF!', '#NAME?', '#VALUE!', '#DIV/0!', '#NUM!', '#NULL!', '#ERROR!', '#SPILL!'];

// As Excel writes a long number it shows in scientific notation: 1.5E+10, 1,23457E+15.
const SCIENTIFIC = /^\d(?:[.,]\d+)?E\+\d+$/i;
// A number keeps 15 significant digits in Sheets (and Excel): past that, an id's last digits are
// lost. Up to 15 digits it is exact, and goes as its digits.
const EXACT_BELOW = 1e15;

const AS_TEXT = "type the id as text (format the column as Plain text, or start the id with ')";

/** What is wrong with a filled cell (an id cell when `id`) before its value is read, else undefined. */
export function cellFault(value: unknown, id: boolean): string | undefined {
  const text = typeof value === 'string' ? value.trim() : '';
  if (ERRORS.includes(text.toUpperCase()))
    return `holds the formula error ${text.toUpperCase()}: fix the formula that fills it, or type the value.`;
  if (!id) return undefined;
  if (typeof value === 'number' && Math.abs(value) >= EXACT_BELOW)
    return `${String(value)} is a number too long to be exact (a number keeps 15 digits), so the id's last digits are lost: ${AS_TEXT}.`;
  if (SCIENTIFIC.test(text))
    return `"${text}" is an id turned into a number in scientific notation (as Excel shows long numbers), so its digits are lost: ${AS_TEXT}.`;
  return undefined;
}
