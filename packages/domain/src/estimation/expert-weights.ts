/**
 * Weights over a few forecasters ("experts") learned from their past losses: AdaHedge (de Rooij, van
 * Erven, Grünwald and Koolen, "Follow the leader if you can, hedge if you must", JMLR 2014). Why this
 * one: it tracks whichever expert has been best, with a regret bound against it, and has no learning
 * rate to tune: the rate comes from the losses themselves (the cumulative mixability gap), so the same
 * code suits waits of seconds and of hours. While the experts never disagree about who leads it simply
 * follows the leader.
 *
 * Losses and the gap fade by `forgetting` per observation, so the weights judge the experts on the same
 * memory as the fits they weigh, and a desk that changes can change its best expert.
 */
export class ExpertWeights {
  private readonly losses: number[];
  private gap = 0;

  constructor(
    private readonly size: number,
    private readonly forgetting: number,
  ) {
    this.losses = new Array<number>(size).fill(0);
  }

  weights(): number[] {
    const rate = this.rate();
    const best = Math.min(...this.losses);
    // An infinite rate (no gap yet) is "follow the leader": all weight on the least loss so far.
    const raw = this.losses.map((loss) => (Number.isFinite(rate) ? Math.exp(-rate * (loss - best)) : loss === best ? 1 : 0));
    const total = raw.reduce((sum, w) => sum + w, 0);
    return raw.map((w) => w / total);
  }

  /** Learns from one round: each expert's loss (squared error) on the same outcome. */
  update(losses: readonly number[]): void {
    const weights = this.weights();
    const rate = this.rate();
    const mixed = weights.reduce((sum, w, i) => sum + w * losses[i]!, 0);
    // The mix loss: what an ideal (mixable) learner would have lost at this rate; the gap to the
    // weighted loss is what hedging cost this round.
    let mixLoss: number;
    if (Number.isFinite(rate)) {
      const least = Math.min(...losses);
      mixLoss = least - Math.log(weights.reduce((sum, w, i) => sum + w * Math.exp(-rate * (losses[i]! - least)), 0)) / rate;
    } else {
      mixLoss = Math.min(...losses.filter((_, i) => weights[i]! > 0));
    }
    this.gap = this.gap * this.forgetting + Math.max(0, mixed - mixLoss);
    for (let i = 0; i < this.size; i++) this.losses[i] = this.losses[i]! * this.forgetting + losses[i]!;
  }

  private rate(): number {
    return this.gap > 0 ? Math.log(this.size) / this.gap : Infinity;
  }
}
