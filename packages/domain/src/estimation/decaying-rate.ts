/**
 * A count of events over an exposure (seconds waited, calls made) where older history fades with a
 * half-life, so the rate follows a desk that changes, and a prior keeps it sane before any data.
 */
export class DecayingRate {
  private events = 0;
  private exposure = 0;
  private lastMs: number | null = null;

  constructor(
    private readonly halfLifeMs: number,
    private readonly priorEvents: number,
    private readonly priorExposure: number,
  ) {}

  add(events: number, exposure: number, atMs: number): void {
    if (this.lastMs !== null && atMs > this.lastMs) {
      const keep = Math.pow(0.5, (atMs - this.lastMs) / this.halfLifeMs);
      this.events *= keep;
      this.exposure *= keep;
    }
    this.lastMs = Math.max(this.lastMs ?? atMs, atMs);
    this.events += events;
    this.exposure += exposure;
  }

  rate(): number {
    return (this.events + this.priorEvents) / (this.exposure + this.priorExposure);
  }
}
