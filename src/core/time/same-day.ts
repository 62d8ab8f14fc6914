// A card's times, "2026-12-06 17:30" as formatLocalDateTime writes them, said short beside another.

/** A time of the same day as `of` by its hour alone ("23:26"), else whole. */
export const sameDay = (time: string, of: string) =>
  time.slice(0, 10) === of.slice(0, 10) ? time.slice(11) : time;
