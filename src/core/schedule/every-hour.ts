// "Every 1 hours": refreshes saved while Every N hours offered 1 may hold it. It is Every hour, as
// their cards say it, Edit opens it and a save keeps it. No zod here: the sidebars import it.
import type { Frequency } from './frequency';

export const everyHourAsHourly = (f: Frequency): Frequency =>
  f.kind === 'every_hours' && f.hours === 1 ? { kind: 'hourly' } : f;
