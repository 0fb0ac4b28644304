// Time is a port: production reads the system clock, tests move a fake one.
// Nothing in server/ calls Date.now() or new Date() without an argument except systemClock.
export interface Clock {
  /** current instant as an ISO-8601 string in UTC */
  now(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };

/** A clock that only moves when told to: "5 working days later" runs in milliseconds. */
export class FakeClock implements Clock {
  private t: number;
  constructor(start: string) {
    this.t = Date.parse(start);
  }
  now(): string {
    return new Date(this.t).toISOString();
  }
  set(iso: string): void {
    this.t = Date.parse(iso);
  }
  advanceMs(ms: number): void {
    this.t += ms;
  }
  advanceDays(days: number): void {
    this.t += days * 86_400_000;
  }
}
