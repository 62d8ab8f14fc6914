// The deterministic demo organisation: sites, teams, queues, roles and ~100 people, then their
// schedules, agent states, tickets, time off and assist conversations (activity.ts).
// Same seed and same creation day => the same org.

import { HISTORY_DAYS, liveOn } from './activity';
import { ACTIVITY, fillActivity } from './activity-cache';
import type { Org, Person, Queue, Role, Site, Team } from './model';
import { createRng, type Rng } from './prng';
import { DAY, dateOf } from './time';

export const PEOPLE_COUNT = 100;

const FIRST_NAMES = [
  'Ava',
  'Liam',
  'Maya',
  'Noah',
  'Zoë',
  'Ethan',
  'Priya',
  'Lucas',
  'Siobhán',
  'Mateo',
  'Aisha',
  'Kenji',
  'Sofia',
  'Omar',
  'Chloe',
  'José',
  'Hannah',
  'Łukasz',
  'Grace',
  'Diego',
  'Mei',
  'Samuel',
  'Ines',
  'Tariq',
  'Nora',
  'Felix',
  'Amara',
  'Jonah',
  'Lena',
  'Rafael',
  'Yuki',
  'Carmen',
];
const LAST_NAMES = [
  'Nguyễn',
  'Smith',
  "O'Brien",
  'García',
  'Kowalski',
  'Okafor',
  'Tanaka',
  'Müller',
  'Patel',
  'Reyes',
  'Johansson',
  'Murphy',
  'Santos',
  'Chen',
  'Dubois',
  'Haddad',
  'Walker',
  'Rossi',
  'Kim',
  'Bautista',
  'Fischer',
  'Adeyemi',
  'Costa',
  'Lee',
  'Novak',
  'Hughes',
  'Silva',
  'Ivanova',
  'Cruz',
  'Byrne',
];
const SKILLS = [
  'english',
  'spanish',
  'french',
  'german',
  'tagalog',
  'billing',
  'technical',
  'vip',
  'refunds',
];

/** Records that spreadsheet-safety tests need: formulas, phone-like and tag-like text, leading zeros, HTML. */
export const AWKWARD_PEOPLE: Record<
  number,
  { first_name?: string; last_name?: string; imported_id?: string }
> = {
  20: { first_name: '=IMPORTXML("http://x","//a")', last_name: 'Formula' },
  31: { first_name: '+1 555 0100', last_name: 'Phone' },
  42: { first_name: 'Team', last_name: '@support' },
  53: { first_name: 'James', last_name: 'Bond', imported_id: '007' },
  64: { first_name: 'Img', last_name: '<img src=x onerror=alert(1)>' },
};

/** A year of history is about 1.6 million records and a gigabyte of heap. */
const MAX_HISTORY_DAYS = 366;

export function createOrg(seed: number, nowMs: number, historyDays = HISTORY_DAYS): Org {
  if (!Number.isInteger(historyDays) || historyDays < 1 || historyDays > MAX_HISTORY_DAYS)
    throw new Error(
      `historyDays must be a whole number of days from 1 to ${MAX_HISTORY_DAYS}, not ${historyDays}`,
    );
  const rng = createRng(seed);
  const idRng = createRng(seed ^ 0x5eed1d5);
  const createdAt = Math.floor(nowMs / 1000);
  // Structure set up long ago and last touched a month back (fixed, so the seed's draws are unchanged).
  const stamps = { created_at: createdAt - 3 * 365 * DAY, updated_at: createdAt - 30 * DAY };

  const site = (name: string, timezone: string, parent: Site | null): Site => ({
    id: rng.uuid(),
    name,
    parent_id: parent?.id ?? null,
    timezone,
    ...stamps,
  });
  const sf = site('San Francisco', 'America/Los_Angeles', null);
  const austin = site('Austin', 'America/Chicago', sf);
  const dublin = site('Dublin', 'Europe/Dublin', null);
  const manila = site('Manila', 'Asia/Manila', null);
  const sites = [sf, austin, dublin, manila];

  const team = (name: string, parent: Team | null, s: Site | null): Team => ({
    id: rng.uuid(),
    name,
    parent_id: parent?.id ?? null,
    site_id: s?.id ?? null,
    ...stamps,
  });
  const support = team('Support', null, null);
  const t1Americas = team('Tier 1 Americas', support, sf);
  const t1Emea = team('Tier 1 EMEA', support, dublin);
  const t1Apac = team('Tier 1 APAC', support, manila);
  const tier2 = team('Tier 2', support, sf);
  const billingTeam = team('Billing Specialists', tier2, austin);
  const quality = team('Quality', null, dublin);
  const workforce = team('Workforce', null, sf);
  const teams = [support, t1Americas, t1Emea, t1Apac, tier2, billingTeam, quality, workforce];

  const queue = (name: string, channel: Queue['channel'], parent: Queue | null): Queue => ({
    id: rng.uuid(),
    name,
    parent_id: parent?.id ?? null,
    channel,
    ...stamps,
  });
  const supportQ = queue('Support', 'email', null);
  const emailQ = queue('Email Support', 'email', supportQ);
  const chatQ = queue('Chat Support', 'chat', supportQ);
  const phoneQ = queue('Phone Support', 'phone', supportQ);
  const billingQ = queue('Billing', 'email', null);
  const billingEmailQ = queue('Billing Email', 'email', billingQ);
  const billingPhoneQ = queue('Billing Phone', 'phone', billingQ);
  const queues = [supportQ, emailQ, chatQ, phoneQ, billingQ, billingEmailQ, billingPhoneQ];

  const role = (name: string, permissions: string[]): Role => ({ id: rng.uuid(), name, permissions });
  const agentRole = role('agent', ['view_own_schedule', 'request_time_off']);
  const leadRole = role('team_lead', ['view_team', 'approve_time_off']);
  const managerRole = role('manager', ['view_all', 'approve_time_off', 'edit_schedules']);
  const adminRole = role('workforce_admin', ['admin']);
  const roles = [agentRole, leadRole, managerRole, adminRole];

  const usedEmails = new Set<string>();
  const people: Person[] = [];
  for (let i = 0; i < PEOPLE_COUNT; i++) {
    const awkward = AWKWARD_PEOPLE[i];
    const first = awkward?.first_name ?? rng.pick(FIRST_NAMES);
    const last = awkward?.last_name ?? rng.pick(LAST_NAMES);
    const homeSite = i < 4 ? rng.pick([sf, dublin]) : pickSite(rng, [sf, austin, dublin, manila]);
    const kind = i < 3 ? 'manager' : i === 3 ? 'admin' : i < 6 ? 'leaver' : i < 12 ? 'lead' : 'agent';

    let personTeams: Team[];
    let personQueues: Queue[];
    if (kind === 'manager') [personTeams, personQueues] = [[support], []];
    else if (kind === 'admin') [personTeams, personQueues] = [[workforce], []];
    else if (homeSite === manila)
      [personTeams, personQueues] = [[t1Apac], some(rng, [emailQ, chatQ, phoneQ])];
    else if (homeSite === dublin)
      [personTeams, personQueues] = rng.chance(0.15)
        ? [[quality], [emailQ]]
        : [[t1Emea], some(rng, [emailQ, chatQ, phoneQ])];
    else if (homeSite === austin)
      [personTeams, personQueues] = rng.chance(0.6)
        ? [[billingTeam], [billingEmailQ, billingPhoneQ]]
        : [[t1Americas], some(rng, [emailQ, chatQ])];
    else
      [personTeams, personQueues] = rng.chance(0.35)
        ? [[tier2], [emailQ, phoneQ]]
        : [[t1Americas], some(rng, [emailQ, chatQ, phoneQ])];

    const channels = [...new Set(personQueues.map((q) => q.channel))];
    const platforms: Record<string, string> = { zendesk: String(rng.int(360_000_000, 399_999_999)) };
    if (channels.includes('phone')) platforms.five9 = `agent${rng.int(1000, 9999)}`;
    if (channels.includes('chat')) platforms.intercom = String(rng.int(5_000_000, 5_999_999));

    const startSec = createdAt - rng.int(200, 6 * 365) * DAY;
    const leaver = kind === 'leaver';
    const roleIds =
      kind === 'manager'
        ? [managerRole.id]
        : kind === 'admin'
          ? [adminRole.id, managerRole.id]
          : kind === 'lead'
            ? [leadRole.id, agentRole.id]
            : [agentRole.id];
    people.push({
      id: rng.uuid(),
      agent_id: rng.uuid(),
      first_name: first,
      last_name: last,
      email: uniqueEmail(usedEmails, awkward ? `agent${i}` : `${slug(first)}.${slug(last)}`),
      timezone: i % 17 === 9 && homeSite === sf ? 'America/New_York' : homeSite.timezone,
      imported_id: awkward?.imported_id ?? `EMP-${1000 + i}`,
      role: roleIds[0] ?? agentRole.id,
      roles: roleIds,
      channels,
      site: homeSite.id,
      teams: personTeams.map((t) => t.id),
      queues: personQueues.map((q) => q.id),
      skills: some(rng, SKILLS).slice(0, 3),
      platforms,
      start_date: dateOf(startSec),
      end_date: leaver ? dateOf(createdAt - rng.int(40, 90) * DAY) : null,
      created_at: startSec - rng.int(1, 20) * DAY + rng.int(0, DAY - 1),
      deleted: leaver,
      staffable: kind === 'lead' || kind === 'agent',
    });
  }

  const org: Org = {
    sites,
    teams,
    queues,
    roles,
    skills: SKILLS.map((name) => ({ id: `skill_${name}`, name, parent_id: null, ...stamps })),
    people,
    states: new Map(),
    schedules: new Map(),
    tickets: [],
    timeOff: [],
    timeOffUpdates: [],
    edits: [],
    conversations: [],
    plans: new Map(),
    present: createdAt,
    activityUntil: createdAt,
    scheduledUntil: createdAt,
    createdAt,
    historyDays,
    newId: () => idRng.uuid(),
  };
  return withLazyActivity(org, rng, idRng, `${seed}:${createdAt}:${historyDays}`);
}

/**
 * The org with its activity (most of its cost: about 150,000 records) generated when first read
 * or when the first new id is drawn, so that a simulator asked only for people or teams never
 * pays for it. The activity is what it would have been at creation: it is generated from a copy
 * of the people and queues as created, and its ids come before any drawn later. Read later than
 * an hour after its end, it goes on to the org's present first (liveOn).
 */
function withLazyActivity(org: Org, rng: Rng, idRng: Rng, cacheKey: string): Org {
  const asCreated: Org = {
    ...org,
    people: org.people.map((p) => ({ ...p, channels: [...p.channels], queues: [...p.queues] })),
    queues: org.queues.map((q) => ({ ...q })),
  };
  let generated = false;
  let living = false;
  const full = (): Org => {
    if (!generated) {
      generated = true;
      fillActivity(asCreated, rng, idRng, cacheKey);
    }
    // Read at the simulator's present: the people work on to it (with the people as they are now).
    if (!living && lazy.present > asCreated.activityUntil) {
      living = true;
      try {
        liveOn(lazy, lazy.present);
      } finally {
        living = false;
      }
    }
    return asCreated;
  };
  const lazy: Org = { ...org, newId: () => full().newId() };
  for (const key of ACTIVITY)
    Object.defineProperty(lazy, key, {
      enumerable: true,
      get: () => full()[key],
      set: (value) => {
        full();
        Object.assign(asCreated, { [key]: value });
      },
    });
  return lazy;
}

function pickSite(rng: Rng, [sf, austin, dublin, manila]: Site[]): Site {
  const r = rng.next();
  const s = r < 0.35 ? sf : r < 0.5 ? austin : r < 0.75 ? dublin : manila;
  if (!s) throw new Error('four sites expected');
  return s;
}

/** A non-empty random subset, in the list's order. */
function some<T>(rng: Rng, items: readonly T[]): T[] {
  const chosen = items.filter(() => rng.chance(0.5));
  return chosen.length > 0 ? chosen : [rng.pick(items)];
}

function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[^a-zA-Z]/g, '')
    .toLowerCase();
}

function uniqueEmail(used: Set<string>, local: string): string {
  let candidate = local;
  for (let n = 2; used.has(candidate); n++) candidate = `${local}${n}`;
  used.add(candidate);
  return `${candidate}@example.com`;
}
