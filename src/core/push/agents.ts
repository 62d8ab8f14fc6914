// Who a row means: an agent given by agent id, email or full name, resolved against the people
// list. The list is read once per execution at most (on first need) and indexed; a push's later
// executions answer from what its first one saved (agent-memo.ts) and need not read it at all.
import type { Person } from '../assembled';
import { someOf } from '../count-text';
import type { SavedLookup } from './agent-memo';
import { closest, type Known } from './closest';

export type AgentLookup = { ok: true; agentId: string } | { ok: false; problem: string };

export function fullName(p: Person): string {
  return [p.first_name, p.last_name].filter(Boolean).join(' ');
}

/** An agent cell as looked up: trimmed, spaces folded, any case. */
export function agentKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}
const key = agentKey;

function add(index: Map<string, Person[]>, k: string, p: Person): void {
  if (!k) return;
  const list = index.get(k) ?? [];
  if (!list.includes(p)) list.push(p);
  index.set(k, list);
}

/**
 * "Ava Smith (ava.smith@example.com)": how a pull names people who share a name
 * (pull/with-names.ts), so its Agent name column can be pasted into a push.
 */
const NAME_AND_EMAIL = /^(.*\S)\s*\(\s*([^\s()]+@[^\s()]+)\s*\)$/;

/** "Name (email)" as looked up: each part folded as a cell is, in one spacing. */
function pairedKey(name: string, email: string): string {
  return `${key(name)} (${key(email)})`;
}

/** Texts per execution given a "did you mean": 1,000 cells that match no one are another column. */
const GUESSES = 50;

/** The next step for an agent no one in Assembled is, with no near miss: they may be new, not misspelled. */
const NOT_YET = 'If they are not in Assembled yet, add them there first, then Validate again.';

/** Namesakes listed in a row's message, so it can be mended without looking them up. */
const NAMESAKES_LISTED = 3;

/** Each namesake by what tells them apart: email, else agent id, else person id. */
function named(people: Person[]): string {
  return someOf(
    people.map((p) => p.email || p.agent_id || p.id),
    NAMESAKES_LISTED,
    'or',
  );
}

export class AgentDirectory {
  private indexes?: {
    people: Person[];
    ids: Map<string, Person[]>;
    emails: Map<string, Person[]>;
    names: Map<string, Person[]>;
  };

  /**
   * What each text resolved to, the ID an agent held on a platform and an agent's time zone, for
   * the memo a push saves.
   */
  readonly found = new Map<string, string>();

  constructor(
    private readonly load: () => Person[],
    private readonly saved?: SavedLookup,
  ) {}

  private index() {
    if (this.indexes) return this.indexes;
    const ids = new Map<string, Person[]>();
    const emails = new Map<string, Person[]>();
    const names = new Map<string, Person[]>();
    const people = this.load();
    for (const p of people) {
      if (p.agent_id) add(ids, p.agent_id.trim().toLowerCase(), p);
      add(ids, p.id.trim().toLowerCase(), p);
      if (p.email) add(emails, key(p.email), p);
      add(names, key(fullName(p)), p);
    }
    this.indexes = { people, ids, emails, names };
    return this.indexes;
  }

  /** Near misses of each text that matched no one, found once however many rows hold it. */
  private readonly guessed = new Map<string, string>();
  /** Agents as a text is compared with them: plainly (name, email), and in the "Name (email)" form. */
  private readonly known = new Map<'plain' | 'paired', { current: Known[]; left: Known[] }>();

  /**
   * " Did you mean …?" for a text that matched no one: the current agents' names and emails
   * nearest it, else a departed agent's (said to have left), else ''. `paired`: the text is in the
   * "Name (email)" form (pairedKey), and agents are offered in that form, to be pasted back.
   */
  private nearest(wanted: string, paired = false): string {
    const form = paired ? 'paired' : 'plain';
    const memo = `${form}\u0000${wanted}`;
    const done = this.guessed.get(memo);
    if (done !== undefined) return done;
    // Each text costs a pass over the people: past so many, the column is likely something else.
    if (this.guessed.size >= GUESSES) return '';
    const { people, names } = this.index();
    // A name several current people share would only fail again: such agents are offered by email.
    const shared = (p: Person) => (names.get(key(fullName(p))) ?? []).filter((q) => !q.deleted).length > 1;
    const knownOf = (p: Person): Known[] =>
      paired
        ? p.email
          ? [{ key: pairedKey(fullName(p), p.email), label: `${fullName(p)} (${p.email})` }]
          : []
        : [
            { key: key(fullName(p)), label: shared(p) ? p.email || p.agent_id || p.id : fullName(p) },
            ...(p.email ? [{ key: key(p.email), label: p.email }] : []),
          ];
    const agents = people.filter((p) => p.agent_id);
    const known = this.known.get(form) ?? {
      current: agents.filter((p) => !p.deleted).flatMap(knownOf),
      left: agents.filter((p) => p.deleted).flatMap(knownOf),
    };
    this.known.set(form, known);
    const quoted = (labels: string[]) =>
      someOf(
        labels.map((n) => `"${n}"`),
        NAMESAKES_LISTED,
        'or',
      );
    const near = closest(wanted, known.current);
    const gone = near.length ? [] : closest(wanted, known.left);
    const guess = near.length
      ? ` Did you mean ${quoted(near)}?`
      : gone.length
        ? ` Did you mean ${quoted(gone)}? They have left the organisation (deleted in Assembled).`
        : '';
    this.guessed.set(memo, guess);
    return guess;
  }

  /** Everyone, as read; undefined in a push's later runs, which check nothing against the list. */
  people(): readonly Person[] | undefined {
    return this.saved?.complete ? undefined : this.index().people;
  }

  /** The platforms people hold IDs on, by name in lower case: each spelling, with how many hold it. */
  private platforms?: Map<string, Map<string, number>>;

  /**
   * The platform as people hold IDs on it in Assembled, for its name in any case (spelled two ways,
   * as most hold it); in a push's later runs, as its first run found it.
   */
  heldPlatform(name: string): string | undefined {
    const k = `\u0000${name.toLowerCase()}`;
    const memo = this.saved?.get(k);
    if (memo !== undefined || this.saved?.complete) return memo;
    if (!this.platforms) {
      this.platforms = new Map();
      for (const p of this.index().people)
        for (const held of Object.keys(p.platforms)) {
          const spellings = this.platforms.get(held.toLowerCase()) ?? new Map<string, number>();
          spellings.set(held, (spellings.get(held) ?? 0) + 1);
          this.platforms.set(held.toLowerCase(), spellings);
        }
    }
    // One spelling per name, whatever a row writes, so every run sends the same.
    const spellings = [...(this.platforms.get(name.toLowerCase()) ?? [])];
    const held = spellings.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    if (held !== undefined) this.found.set(k, held);
    return held;
  }

  /** The ID an agent holds on a platform in Assembled; in a push's later runs, as its first run read it. */
  heldId(agentId: string, platform: string): string | undefined {
    const k = `${agentId}\u0000${platform}`;
    const memo = this.saved?.get(k);
    if (memo !== undefined || this.saved?.complete) return memo;
    const person = this.index()
      .ids.get(agentId.toLowerCase())
      ?.find((p) => p.agent_id === agentId);
    const id = person?.platforms[platform];
    if (id !== undefined) this.found.set(k, id);
    return id;
  }

  /**
   * The agent's time zone as Assembled keeps it (for all-day time off); undefined when they have
   * none. In a push's later runs, as its first run read it.
   */
  zoneOf(agentId: string): string | undefined {
    const k = `${agentId}\u0001zone`;
    const memo = this.saved?.get(k);
    if (memo !== undefined || this.saved?.complete) return memo;
    const person = this.index()
      .ids.get(agentId.toLowerCase())
      ?.find((p) => p.agent_id === agentId);
    const zone = person?.timezone ?? undefined;
    if (zone) this.found.set(k, zone);
    return zone;
  }

  resolve(text: string): AgentLookup {
    const memo = this.saved?.get(text);
    if (memo !== undefined) return { ok: true, agentId: memo };
    // Not in a complete memo: the cell holds the id itself, or is not one of the push's rows.
    if (this.saved?.complete) return { ok: true, agentId: text.trim() };
    const found = this.lookUp(text);
    if (found.ok) this.found.set(text, found.agentId);
    return found;
  }

  private lookUp(text: string): AgentLookup {
    const wanted = key(text);
    const { ids, emails, names } = this.index();
    const [how, found] = ids.has(wanted)
      ? ['id', ids.get(wanted) ?? []]
      : emails.has(wanted)
        ? ['email', emails.get(wanted) ?? []]
        : ['name', names.get(wanted) ?? []];
    const both = found.length === 0 ? NAME_AND_EMAIL.exec(text.trim()) : null;
    if (both) return this.byNameAndEmail(text, both[1] as string, both[2] as string);
    if (found.length === 0) {
      const guess = this.nearest(wanted);
      // An email typed already: "use their email" would be no advice.
      const advice = wanted.includes('@') ? 'Check the spelling.' : 'Check the spelling, or use their email.';
      return {
        ok: false,
        problem: `no agent in Assembled has the id, email or full name "${text.trim()}".${guess} ${advice}${guess ? '' : ` ${NOT_YET}`}`,
      };
    }
    return this.pick(text, how, found);
  }

  /** "Ava Smith (ava.smith@example.com)": found by the email, the name checked against theirs. */
  private byNameAndEmail(text: string, name: string, email: string): AgentLookup {
    const found = this.index().emails.get(key(email)) ?? [];
    // An email no one has: said of the email, with the near misses of the whole text in its form.
    if (found.length === 0) {
      const guess = this.nearest(pairedKey(name, email), true);
      return {
        ok: false,
        problem: `"${text.trim()}": no agent in Assembled has the email ${email.trim()}.${guess} Check the spelling.${guess ? '' : ` ${NOT_YET}`}`,
      };
    }
    const named = found.filter((p) => key(fullName(p)) === key(name));
    if (named.length === 0) {
      const theirs = someOf(
        found.map((p) => fullName(p) || p.agent_id || p.id),
        NAMESAKES_LISTED,
        'or',
      );
      return {
        ok: false,
        problem: `"${text.trim()}": ${email.trim()} is the email of ${theirs} in Assembled, not of ${name}. Give the email of the agent meant.`,
      };
    }
    return this.pick(text, 'email', named);
  }

  /** The one current agent among those `text` matched (`how`), or why there is none. */
  private pick(text: string, how: string, found: Person[]): AgentLookup {
    const current = found.filter((p) => !p.deleted);
    const candidates = current.length > 0 ? current : found;
    if (candidates.length > 1) {
      return {
        ok: false,
        problem: `${candidates.length} people in Assembled match "${text.trim()}" by ${how}: ${named(candidates)}. Use one of their emails or agent ids instead.`,
      };
    }
    const person = candidates[0] as Person;
    if (person.deleted) {
      // Nothing in the row can be fixed for them: the way on is said.
      return {
        ok: false,
        problem: `"${text.trim()}" has left the organisation (deleted in Assembled): delete the row, or name an agent who is still there.`,
      };
    }
    if (!person.agent_id) {
      return { ok: false, problem: `"${text.trim()}" has no agent id in Assembled (they are not an agent).` };
    }
    return { ok: true, agentId: person.agent_id };
  }
}
