// Cell colours as Sheets keeps them: '#rrggbb' in lower case. Sheets also takes CSS names; the fake
// knows a few and refuses anything else, so a colour typo fails here rather than painting nothing.

const NAMED: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
  purple: '#800080',
};

export const DEFAULT_BACKGROUND = '#ffffff';
export const DEFAULT_FONT_COLOR = '#000000';

/** '#abc' / '#AABBCC' / 'red' -> '#aabbcc'; null or '' resets (undefined). */
export function normaliseColor(value: unknown, method: string, owner = 'Range'): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const text = String(value).trim().toLowerCase();
  const named = NAMED[text];
  if (named) return named;
  if (/^#[0-9a-f]{6}$/.test(text)) return text;
  if (/^#[0-9a-f]{3}$/.test(text)) return `#${[...text.slice(1)].map((h) => h + h).join('')}`;
  throw new Error(`Invalid color "${String(value)}" passed to SpreadsheetApp.${owner}.${method}.`);
}
