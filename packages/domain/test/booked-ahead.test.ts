import { describe, expect, it } from 'vitest';
import { assignBookedAhead, type EstimatorTechnician } from '../src/index.ts';

const technician = (id: string, queueIds: string[], status: EstimatorTechnician['status'] = 'available'): EstimatorTechnician => ({ id, status, queueIds, current: null });
const minute = 60_000;

describe('bookings ahead given to technicians for the estimator', () => {
  it('spreads overlapping bookings over the technicians of their queue, and back-to-back ones on the first free', () => {
    const technicians = [technician('ana', ['hardware']), technician('bo', ['hardware', 'software']), technician('cy', ['software'])];
    const assigned = assignBookedAhead(
      [
        { queueId: 'hardware', categoryId: 'laptop', startMs: 20 * minute, expectedSeconds: 1200 },
        { queueId: 'hardware', categoryId: 'laptop', startMs: 0, expectedSeconds: 1200 },
        { queueId: 'hardware', categoryId: 'laptop', startMs: 10 * minute, expectedSeconds: 1200 },
        { queueId: 'software', categoryId: 'install', startMs: 0, expectedSeconds: 600 },
      ],
      technicians,
    );
    expect(assigned).toEqual([
      { technicianId: 'ana', startMs: 0, expectedSeconds: 1200 },
      { technicianId: 'cy', startMs: 0, expectedSeconds: 600 },
      { technicianId: 'bo', startMs: 10 * minute, expectedSeconds: 1200 },
      // ana is free again at 20 min, bo only at 30.
      { technicianId: 'ana', startMs: 20 * minute, expectedSeconds: 1200 },
    ]);
  });

  it('leaves out bookings nobody on duty serves, and gives none to technicians who are off', () => {
    const assigned = assignBookedAhead([{ queueId: 'hardware', categoryId: 'laptop', startMs: 0, expectedSeconds: 600 }, { queueId: 'access', categoryId: 'password', startMs: 0, expectedSeconds: 600 }], [
      technician('ana', ['hardware'], 'off'),
      technician('bo', ['hardware'], 'break'),
    ]);
    expect(assigned).toEqual([{ technicianId: 'bo', startMs: 0, expectedSeconds: 600 }]);
  });
});
