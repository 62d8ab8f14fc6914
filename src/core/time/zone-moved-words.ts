// What a form says when the spreadsheet's time zone changed while it was open (File ▸ Settings):
// the server's refusal of a press that beat the news, and the form's own hint once it has heard.

/** The zone changed from `shown`, the one the form was drawn in, to `now`. */
export const zoneMovedWords = (shown: string, now: string) =>
  `The spreadsheet's time zone is now ${now} (it was ${shown} when this form was drawn)`;

/** A form's hour, named at first in `shown`'s time, is now in `now`'s. */
export const hourMovedWords = (shown: string, now: string) =>
  `${zoneMovedWords(shown, now)}: the hour under At is now in ${now} time.`;
