/**
 * Erlang C (M/M/c): the chance a visitor has to wait and the share called within a target, for c
 * technicians, an arrival rate and a mean service time. Computed through the Erlang B recursion,
 * which stays stable for hundreds of servers where factorials overflow.
 */
export function erlangB(servers: number, offeredLoad: number): number {
  let blocking = 1;
  for (let k = 1; k <= servers; k++) blocking = (offeredLoad * blocking) / (k + offeredLoad * blocking);
  return blocking;
}

/** Probability that an arriving visitor waits at all; 1 when the load reaches the staff (the queue grows without end). */
export function erlangC(servers: number, offeredLoad: number): number {
  if (offeredLoad <= 0) return 0;
  if (servers <= offeredLoad) return 1;
  const blocking = erlangB(servers, offeredLoad);
  return (servers * blocking) / (servers - offeredLoad * (1 - blocking));
}

export interface HourLoad {
  /** Expected arrivals in the hour. */
  arrivalsPerHour: number;
  meanServiceSeconds: number;
}

/** Share of visitors called within `targetSeconds`, with `servers` technicians serving the whole hour. */
export function serviceLevel(servers: number, load: HourLoad, targetSeconds: number): number {
  if (load.arrivalsPerHour <= 0) return 1;
  if (servers <= 0) return 0;
  const offered = (load.arrivalsPerHour * load.meanServiceSeconds) / 3600;
  if (servers <= offered) return 0;
  return 1 - erlangC(servers, offered) * Math.exp((-(servers - offered) * targetSeconds) / load.meanServiceSeconds);
}

/** Fewest technicians reaching `goalShare` (e.g. 0.9) within `targetSeconds`; 0 when nobody comes. */
export function techniciansNeeded(load: HourLoad, targetSeconds: number, goalShare: number, maxServers = 500): number {
  if (load.arrivalsPerHour <= 0) return 0;
  for (let servers = 1; servers <= maxServers; servers++) if (serviceLevel(servers, load, targetSeconds) >= goalShare) return servers;
  return maxServers;
}
