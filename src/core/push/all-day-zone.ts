// Which zone an all-day time-off request's days are in: its agent's own (Assembled keeps a time
// zone for each person), so its first day starts at the agent's midnight wherever the spreadsheet
// is. An agent with no time zone in Assembled (or one that names none) has the spreadsheet's days.
// A push builds the request by it and a pull or Sync time off shows its days by it, so a request
// pushed and pulled back has the days the sheet had.
import type { Person } from '../assembled';
import type { Zone, Zones } from '../ports';

export interface DaysZone {
  zone: Zone;
  /** The agent's own zone was not known: the spreadsheet's stands in for it. */
  fallback: boolean;
}

// IANA names: Area/Place (Europe/Dublin, America/Argentina/Buenos_Aires, Etc/GMT+5), or UTC.
const ZONE_NAME = /^(?:UTC|GMT|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)$/;

// Zones by name, per port: a zone keeps its offsets (cached-zone.ts), asked once per push or pull.
const made = new WeakMap<Zones, Map<string, Zone | undefined>>();

function named(name: string, zones: Zones): Zone | undefined {
  let byName = made.get(zones);
  if (!byName) {
    byName = new Map();
    made.set(zones, byName);
  }
  if (byName.has(name)) return byName.get(name);
  let zone: Zone | undefined;
  if (ZONE_NAME.test(name)) {
    try {
      zone = zones(name);
      zone.offsetMinutes(0);
    } catch {
      zone = undefined;
    }
  }
  byName.set(name, zone);
  return zone;
}

/** The zone an all-day request of an agent whose time zone is `agentZone` (as Assembled has it) is in. */
export function allDayZone(agentZone: string | null | undefined, sheet: Zone, zones: Zones): DaysZone {
  const own = agentZone?.trim() ? named(agentZone.trim(), zones) : undefined;
  return own ? { zone: own, fallback: false } : { zone: sheet, fallback: true };
}

/** Each agent's all-day zone by agent id, the people read when first needed. */
export function allDayZones(
  people: () => readonly Person[],
  sheet: Zone,
  zones: Zones,
): (agentId: string) => Zone {
  let byAgent: Map<string, string | null> | undefined;
  return (agentId) => {
    byAgent ??= new Map(people().flatMap((p) => (p.agent_id ? [[p.agent_id, p.timezone] as const] : [])));
    return allDayZone(byAgent.get(agentId), sheet, zones).zone;
  };
}
