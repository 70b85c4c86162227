import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerMessage } from '@walkup/protocol';
import { connectLive } from '../helpers/live-client.ts';
import { testEngine } from '../helpers/postgres-test-database.ts';
import { createTestCluster, type TestInstance } from '../helpers/test-cluster.ts';
import { demo } from '../helpers/test-app.ts';

type Cluster = Awaited<ReturnType<typeof createTestCluster>>;
const isEstimates = (m: ServerMessage): m is Extract<ServerMessage, { type: 'estimates' }> => m.type === 'estimates';

// Only PostgreSQL has several instances; on SQLite the one instance computes its estimates as before.
describe.skipIf(testEngine !== 'postgres')('one instance computes the estimates, every instance serves them', () => {
  let cluster: Cluster;
  beforeEach(async () => {
    cluster = await createTestCluster(2);
  });
  afterEach(async () => cluster.close());

  const holders = () => cluster.instances.filter((instance) => instance.app.walkup.jobs.held().includes('estimator'));
  const checkInOn = async (instance: TestInstance, name: string) => {
    const reply = await instance.as.kiosk.inject({ method: 'POST', url: `/api/sites/${demo.site}/visits`, payload: { categoryId: demo.softwareChoice, visitor: { kind: 'guest', name } } });
    expect(reply.statusCode).toBe(201);
  };
  const stateOn = async (instance: TestInstance) => (await instance.as.display.inject({ method: 'GET', url: `/api/sites/${demo.site}/state` })).json();

  it('serves the same estimates on both instances, computed by the one holding the estimator job', async () => {
    await expect.poll(() => holders().length).toBe(1);
    const [a, b] = cluster.instances as [TestInstance, TestInstance];
    const screen = await connectLive(b.app, b.as.display);
    screen.send({ type: 'subscribe', siteId: demo.site, view: 'display' });
    await screen.waitFor((m) => m.type === 'snapshot');

    await checkInOn(a, 'Ada');
    await checkInOn(b, 'Bob');
    await checkInOn(a, 'Cy');
    // Both instances answer with the figures of the latest state, and they are the very same figures.
    await expect.poll(async () => (await Promise.all([stateOn(a), stateOn(b)])).map((state) => state.view.estimates), { timeout: 5000 }).toSatisfy(
      ([first, second]: unknown[]) => JSON.stringify(first) === JSON.stringify(second) && Object.keys((first as { visits: object }).visits).length === 3,
    );
    const published = await cluster.database.db.selectFrom('published_estimates').selectAll().where('site_id', '=', demo.site).executeTakeFirstOrThrow();
    // The screen on the other instance was pushed the published figures of the third check-in.
    const pushed = await screen.waitFor((m) => isEstimates(m) && m.seq === published.seq, 5000);
    expect(JSON.stringify(pushed)).toBe(JSON.stringify({ type: 'estimates', ...JSON.parse(published.estimates) }));
    expect(holders()).toHaveLength(1);
    screen.close();
  });

  it('moves the estimator to the other instance within seconds when the holder goes, and its screens get fresh figures', async () => {
    await expect.poll(() => holders().length).toBe(1);
    const holder = holders()[0]!;
    const survivor = cluster.instances.find((instance) => instance !== holder)!;
    await checkInOn(survivor, 'Ada');
    await expect.poll(async () => Object.keys((await stateOn(survivor)).view.estimates.visits).length, { timeout: 5000 }).toBe(1);

    const screen = await connectLive(survivor.app, survivor.as.display);
    screen.send({ type: 'subscribe', siteId: demo.site, view: 'display' });
    await screen.waitFor((m) => m.type === 'snapshot');
    await holder.close();
    cluster.instances.splice(cluster.instances.indexOf(holder), 1);
    await expect.poll(() => survivor.app.walkup.jobs.held().includes('estimator'), { timeout: 5000 }).toBe(true);

    // The new holder computes: a check-in after the failover shows in the survivor's estimates.
    await checkInOn(survivor, 'Bob');
    const after = await screen.waitFor((m) => isEstimates(m) && Object.keys(m.visits).length === 2, 5000);
    expect(Object.keys((after as Extract<ServerMessage, { type: 'estimates' }>).visits)).toHaveLength(2);
    screen.close();
  });
});
