import { expect, it } from 'vitest';
import { createJoinEstimateBudget, joinEstimateShare } from '../src/live/join-estimate-budget.ts';

it('lets at-join estimates take their share of each second, then sheds them until the next', () => {
  let clock = 0;
  const budget = createJoinEstimateBudget(() => clock);
  const costMs = 10;
  let ran = 0;
  // A flood: one check-in per millisecond, each at-join estimate costing 10 ms of the thread.
  for (let i = 0; i < 100; i++) {
    if (budget.allowed()) {
      budget.spend(() => {
        clock += costMs;
      });
      ran++;
    }
    clock += 1;
  }
  const perWindow = (joinEstimateShare * 1_000) / costMs;
  expect(ran).toBe(perWindow);
  // A new second, a new share.
  clock += 1_000;
  expect(budget.allowed()).toBe(true);
});
