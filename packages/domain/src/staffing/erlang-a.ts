/**
 * Erlang A (M/M/c+M, Palm's model): Erlang C where waiting visitors give up after an exponential
 * patience. Visitors who leave lighten the queue for the others, so for the same staff the share
 * called within a target is higher than Erlang C's, and the model stays defined when the load
 * exceeds the staff (the queue stops growing where abandonment balances the overflow). As the mean
 * patience goes to infinity it becomes Erlang C.
 *
 * Computed numerically, not by closed form, to stay simple and checkable: the birth-death chain's
 * stationary distribution (truncated where the tail is below 1e-12) gives what an arrival sees; the
 * chance it is called within the target (before giving up itself) follows from uniformizing the
 * continuous-time chain "visitors ahead of me" with exits by service (c mu) and by the abandonment
 * of those ahead (k theta), and its own abandonment (theta).
 */
export interface ErlangALoad {
  arrivalsPerHour: number;
  meanServiceSeconds: number;
  /** Mean patience of a waiting visitor; Infinity for none leaving (Erlang C). */
  meanPatienceSeconds: number;
}

export interface ErlangAResult {
  /** Share of arrivals who find everyone busy. */
  waitProbability: number;
  /** Share of arrivals called within the target (those who gave up first count as not called). */
  serviceLevel: number;
  /** Share of arrivals who give up before being called. */
  abandonShare: number;
}

const maxQueue = 3000;

function stationary(servers: number, lambda: number, mu: number, theta: number): number[] | null {
  const weights = [1];
  let sum = 1;
  for (let n = 1; n < servers + maxQueue; n++) {
    const death = Math.min(n, servers) * mu + Math.max(n - servers, 0) * theta;
    const next = (weights[n - 1]! * lambda) / death;
    weights.push(next);
    sum += next;
    if (n > servers && next / sum < 1e-12) return weights.map((w) => w / sum);
  }
  return theta > 0 ? weights.map((w) => w / sum) : null; // no abandonment and no convergence: unstable
}

export function erlangA(servers: number, load: ErlangALoad, targetSeconds: number): ErlangAResult {
  if (load.arrivalsPerHour <= 0) return { waitProbability: 0, serviceLevel: 1, abandonShare: 0 };
  if (servers <= 0) return { waitProbability: 1, serviceLevel: 0, abandonShare: Number.isFinite(load.meanPatienceSeconds) ? 1 : 0 };
  const lambda = load.arrivalsPerHour / 3600;
  const mu = 1 / load.meanServiceSeconds;
  const theta = Number.isFinite(load.meanPatienceSeconds) ? 1 / load.meanPatienceSeconds : 0;
  const pi = stationary(servers, lambda, mu, theta);
  if (!pi) return { waitProbability: 1, serviceLevel: 0, abandonShare: 0 };
  const immediate = pi.slice(0, servers).reduce((a, b) => a + b, 0);
  const expectedQueue = pi.reduce((a, p, n) => a + p * Math.max(n - servers, 0), 0);
  const ahead = pi.slice(servers); // ahead[k]: an arrival finds k visitors already waiting
  return {
    waitProbability: 1 - immediate,
    serviceLevel: immediate + calledWithin(ahead, servers * mu, theta, targetSeconds),
    abandonShare: (theta * expectedQueue) / lambda,
  };
}

/** Probability mass (from `ahead`) called within `targetSeconds`, by uniformization. */
function calledWithin(ahead: number[], serviceRate: number, theta: number, targetSeconds: number): number {
  if (targetSeconds <= 0) return 0;
  const uniform = serviceRate + ahead.length * theta + theta;
  const meanJumps = uniform * targetSeconds;
  const maxJumps = Math.ceil(meanJumps + 12 * Math.sqrt(meanJumps) + 30);
  let position = [...ahead];
  let called = 0;
  let result = 0;
  let logPoisson = -meanJumps; // log P(N = 0) for N ~ Poisson(meanJumps)
  for (let jumps = 0; jumps <= maxJumps; jumps++) {
    // After `jumps` uniformized steps, `called` holds the mass already called.
    result += Math.exp(logPoisson) * called;
    const next = new Array<number>(position.length).fill(0);
    for (let k = 0; k < position.length; k++) {
      const mass = position[k]!;
      if (mass === 0) continue;
      const advance = serviceRate + k * theta;
      if (k === 0) called += (mass * advance) / uniform;
      else next[k - 1]! += (mass * advance) / uniform;
      next[k]! += mass * (1 - (advance + theta) / uniform);
    }
    position = next;
    logPoisson += Math.log(meanJumps) - Math.log(jumps + 1);
  }
  return result;
}

/** Fewest technicians calling `goalShare` within the target under Erlang A. */
export function techniciansNeededWithAbandonment(load: ErlangALoad, targetSeconds: number, goalShare: number, maxServers = 500): number {
  if (load.arrivalsPerHour <= 0) return 0;
  for (let servers = 1; servers <= maxServers; servers++) if (erlangA(servers, load, targetSeconds).serviceLevel >= goalShare) return servers;
  return maxServers;
}
