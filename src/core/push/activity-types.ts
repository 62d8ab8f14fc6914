// Which activity type a row means: its id, name or short name (case and spacing do not matter),
// read from Assembled once per execution, on first need.
import type { ActivityType } from '../assembled';
import { closest, didYouMean } from './closest';

export type TypeLookup = { ok: true; typeId: string } | { ok: false; problem: string };

const key = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

export class ActivityTypeDirectory {
  private types?: ActivityType[];

  constructor(private readonly load: () => ActivityType[]) {}

  resolve(text: string): TypeLookup {
    this.types ??= this.load();
    const wanted = key(text);
    const byId = this.types.filter((t) => key(t.id) === wanted);
    const found = byId.length
      ? byId
      : this.types.filter((t) => key(t.name ?? '') === wanted || key(t.short_name ?? '') === wanted);
    if (found.length === 1) return { ok: true, typeId: (found[0] as ActivityType).id };
    if (found.length > 1)
      return { ok: false, problem: `${found.length} activity types match "${text.trim()}": use its id.` };
    const none = `no activity type in Assembled has the id, name or short name "${text.trim()}"`;
    // A near miss of a name ("Trainig") is a typo: say which, as for states and agents.
    const near = closest(
      wanted,
      this.types.filter((t) => t.name).map((t) => ({ key: key(t.name ?? ''), label: t.name ?? '' })),
    );
    if (near.length) return { ok: false, problem: `${none}; ${didYouMean(near)}` };
    const names = this.types
      .slice(0, 8)
      .map((t) => t.name)
      .join(', ');
    return {
      ok: false,
      problem: `${none} (types include ${names}).`,
    };
  }
}
