/**
 * At most `max` calls in flight to one upstream; the next `queue` wait their turn and any beyond that are
 * refused, so a slow registry cannot pile up unbounded work in our process.
 */
export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly max: number,
    readonly queue: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) {
      if (this.waiting.length >= this.queue) throw new LimitExceeded();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.active += 1;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}

export class LimitExceeded extends Error {
  override name = 'LimitExceeded';
}
