// Which comes first in a date a spreadsheet locale types, day or month, and between what: the
// add-on's one table of them, as Sheets reads typing in each. A locale not here is not guessed.

export interface DateOrder {
  dayFirst: boolean;
  sep: '/' | '.';
}

const MONTH_SLASH: DateOrder = { dayFirst: false, sep: '/' };
const DAY_SLASH: DateOrder = { dayFirst: true, sep: '/' };
const DAY_DOT: DateOrder = { dayFirst: true, sep: '.' };

/** Languages read alike in every country (de_AT as de_DE, es_MX as es_ES). */
const BY_LANGUAGE: Record<string, DateOrder> = {
  de: DAY_DOT,
  fr: DAY_SLASH,
  pt: DAY_SLASH,
  es: DAY_SLASH,
  it: DAY_SLASH,
};
/** English differs by country; one not here (en_CA, en_ZA) is not known. */
const BY_LOCALE: Record<string, DateOrder> = {
  en: MONTH_SLASH,
  en_US: MONTH_SLASH,
  en_GB: DAY_SLASH,
  en_AU: DAY_SLASH,
  en_IE: DAY_SLASH,
  en_IN: DAY_SLASH,
  en_NZ: DAY_SLASH,
};

/** How a locale (e.g. en_AU) writes a date; undefined where the add-on does not know. */
export function dateOrder(locale: string): DateOrder | undefined {
  return BY_LOCALE[locale] ?? BY_LANGUAGE[locale.split('_')[0] ?? ''];
}
