/** A source of the current time, passed explicitly so that tests can fix it. */
export interface Clock {
  now(): Date;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved; for tests. */
export function fixedClock(start: Date): Clock & { set(d: Date): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (d) => { current = new Date(d); },
    advance: (ms) => { current = new Date(current.getTime() + ms); },
  };
}
