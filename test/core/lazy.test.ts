import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { lazy } from '../../src/core/lazy';

describe('lazy', () => {
  it('builds the object on first touch, once, and not before', () => {
    let builds = 0;
    const thing = lazy(() => {
      builds++;
      return { name: 'built', twice: (n: number) => n * 2 };
    });
    expect(builds).toBe(0);
    expect(thing.name).toBe('built');
    expect(thing.twice(4)).toBe(8);
    expect('name' in thing).toBe(true);
    expect(builds).toBe(1);
  });

  it('after the first read the stand-in holds the object’s own properties and prototype: no trap on later reads', () => {
    class Box {
      constructor(readonly inside: number) {}
      double() {
        return this.inside * 2;
      }
    }
    const box = lazy(() => new Box(21));
    expect(box.double()).toBe(42);
    expect(Object.getOwnPropertyNames(box)).toEqual(['inside']);
    expect(Object.getPrototypeOf(box)).toBe(Box.prototype);
    expect(box).toBeInstanceOf(Box);
  });

  it('a write before any read lands on the built object', () => {
    const thing = lazy(() => ({ count: 1 }));
    thing.count = 5;
    expect(thing.count).toBe(5);
  });

  it('stands for zod schemas, nested in others and parsed through them', () => {
    const Id = lazy(() => z.string().check(z.minLength(2)));
    const Person = lazy(() => z.object({ id: Id, teams: z.array(Id) }));
    expect(z.parse(Person, { id: 'ab', teams: ['cd'] })).toEqual({ id: 'ab', teams: ['cd'] });
    expect(z.safeParse(Person, { id: 'a', teams: [] }).success).toBe(false);
    expect(Person.safeParse({ id: 'ab', teams: ['x'] }).error?.issues[0]?.path).toEqual(['teams', 0]);
  });
});
