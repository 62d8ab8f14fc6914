// The account's time-off types (activity types marked timeoff), read once per execution on the
// first row that names a type. A row's type must be one of them, by id, name, short name or
// value in any case; and it is always a short plain word, so markup never reaches Assembled.
import { type ActivityType, isAssembledError } from '../assembled';
import { someOf } from '../count-text';
import { closest, didYouMean } from './closest';
import { typeName } from './template';

/** A type's names, any of which a row may give it by, in lower case. */
const names = (t: ActivityType): string[] =>
  [t.id, t.name, t.short_name, t.value].map((n) => (n ?? '').toLowerCase());

const PLAIN = /^[\p{L}\p{N}][\p{L}\p{N} _.'()/&-]{0,59}$/u;

export class TimeOffTypes {
  private types?: ActivityType[];

  constructor(private readonly load: () => ActivityType[]) {}

  private read(): ActivityType[] {
    try {
      return this.load().filter((t) => t.timeoff);
    } catch (error) {
      const unsupported = ['not_found', 'bad_request', 'unexpected_response'];
      if (isAssembledError(error) && unsupported.includes(error.kind)) return [];
      throw error;
    }
  }

  /**
   * Whether two words name the same type (a row's and Assembled's, which may keep an id or another
   * name of it); an account that lists none compares the words alone.
   */
  same(a: string, b: string): boolean {
    const [x, y] = [a.trim().toLowerCase(), b.trim().toLowerCase()];
    if (x === y) return true;
    this.types ??= this.read();
    return this.types.some((t) => {
      const all = names(t);
      return all.includes(x) && all.includes(y);
    });
  }

  /** Why the type cannot be sent, in words; undefined when it is fine. */
  problem(text: string): string | undefined {
    if (!PLAIN.test(text)) return `"${text}" is not a time-off type: use a type's name, such as pto or sick.`;
    this.types ??= this.read();
    // An account that lists none (or will not say) cannot be checked against.
    if (this.types.length === 0) return undefined;
    const wanted = text.toLowerCase();
    if (this.types.some((t) => names(t).includes(wanted))) return undefined;
    // Named as the template's dropdown names them: a near miss of any name points at that one.
    const near = closest(
      wanted,
      this.types.flatMap((t) => names(t).map((key) => ({ key, label: typeName(t) }))),
    );
    if (near.length > 0)
      return `"${text}" is not one of your Assembled account's time-off types; ${didYouMean(near)}`;
    const known = [...new Set(this.types.map(typeName))];
    return `"${text}" is not one of your Assembled account's time-off types: ${someOf(known, known.length, 'or')}.`;
  }
}
