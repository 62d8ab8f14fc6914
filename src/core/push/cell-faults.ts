// Cells that hold something other than what was meant: a formula's error, an id that Excel or
// Sheets made a number of and so lost digits of, an id or a name Sheets read as a date, an id
// led by the ' that a Plain text column keeps, or a formula it kept as text. Said as what
// happened, not as a bad value.
import { lowerFirst } from '../sentence';

/** The error values Sheets shows in a cell whose formula failed (getValues gives them as text). */
const ERRORS = ['#N/A', '#REF!', '#NAME?', '#VALUE!', '#DIV/0!', '#NUM!', '#NULL!', '#ERROR!', '#SPILL!'];

// As Excel writes a long number it shows in scientific notation: 1.5E+10, 1,23457E+15.
const SCIENTIFIC = /^\d(?:[.,]\d+)?E\+\d+$/i;
// A number keeps 15 significant digits in Sheets (and Excel): past that, an id's last digits are
// lost. Up to 15 digits it is exact, and goes as its digits.
const EXACT_BELOW = 1e15;

/** What is wrong with a filled cell (an id cell when `id`) before its value is read, else undefined. */
export function cellFault(value: unknown, id: boolean): string | undefined {
  const text = typeof value === 'string' ? value.trim() : '';
  if (ERRORS.includes(text.toUpperCase()))
    return `holds the formula error ${text.toUpperCase()}: fix the formula that fills it, or type the value.`;
  if (!id) return undefined;
  // A number is only typed into a column that is not Plain text (Plain text keeps what is typed).
  if (typeof value === 'number' && Math.abs(value) >= EXACT_BELOW)
    return `${String(value)} is a number too long to be exact (a number keeps 15 digits), so the id's last digits are lost: format the column as Plain text (Format ▸ Number ▸ Plain text), then type the id again.`;
  // Text already: the digits were lost before the cell got it (a file saved from Excel).
  if (SCIENTIFIC.test(text))
    return `"${text}" is an id in scientific notation (as Excel shows long numbers), which may have lost digits: type the id digit for digit as the platform shows it${inDigits(text)}.`;
  // Plain text keeps a formula pasted or typed there as its text (=A1, =NOW()): sent, it would be the id.
  if (/^'?\s*=/.test(text))
    return `"${text}" looks like a formula the cell kept as text (as a Plain text column does), so it would be sent as the id, = and all: type the id itself.`;
  // Plain text keeps a leading ' as part of what is typed; Automatic hides it and never gives it.
  if (!text.startsWith("'")) return undefined;
  const typed = text.slice(1).trim();
  return `"${text}" starts with ', which a Plain text column keeps as part of the id: delete the '${typed ? ` (type ${typed})` : ''}.`;
}

/** A number in scientific notation written out in digits, where it is exact: " (1.5E+3 is 1500)". */
function inDigits(scientific: string): string {
  const n = Number(scientific.replace(',', '.'));
  return Number.isSafeInteger(n) ? ` (${scientific} is ${n})` : '';
}

/** Formatting a column as Plain text, then typing again, keeps what is typed as typed. */
const RETYPE_AS_TEXT = 'Format the column as Plain text (Format ▸ Number ▸ Plain text) and type it again.';

/**
 * A date cell in a column that holds no time (an id, an agent, a platform): what was typed or
 * pasted there (2026-11-20, 12:30) became a date, and sent it would be a timestamp. `shown`: the
 * cell as the sheet shows it; `time`: a time alone, with no date; `wanted`: what the column holds.
 */
export function dateFault(shown: string, time: boolean, wanted: string): string {
  const what = time ? 'time' : 'date';
  return `the cell holds a ${what} (${shown}), not ${wanted}: Sheets read what was typed or pasted as a ${what}. ${RETYPE_AS_TEXT}`;
}

/**
 * Said of an id cell that holds a number (exact: under 15 digits), which is sent as its digits:
 * many platforms' ids are numbers, but Sheets dropped whatever zeros led what was typed.
 */
export function numberIdWords(n: number): string {
  // How many zeros led it is lost with them: the example is Sheets' rule, not a guess at this ID.
  return `sent as ${n}: the cell holds a number, so any zeros that led what was typed or pasted were dropped by Sheets (007 becomes 7); if the ID has them, ${lowerFirst(RETYPE_AS_TEXT)}`;
}
