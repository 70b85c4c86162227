import { describe, expect, it } from 'vitest';
import { importAnonymousBank } from '../../scripts/wait-bench/import-anonymous-bank.ts';
import { estimateMeanPatienceSeconds } from '@walkup/domain';
import { observeLog } from '../../scripts/bench-staffing/observed-hours.ts';

const header = 'vru+line\tcall_id\tcustomer_id\tpriority\ttype\tdate\tvru_entry\tvru_exit\tvru_time\tq_start\tq_exit\tq_time\toutcome\tser_start\tser_exit\tser_time\tserver';
const rows = [
  'AA01\t1\t0\t0\tPS\t990201\t9:00:00\t9:00:10\t10\t9:00:10\t9:00:40\t30\tAGENT\t9:00:40\t9:05:40\t300\tDANA', // waited 30 s
  'AA01\t2\t0\t0\tPS\t990201\t9:10:00\t9:10:10\t10\t9:10:10\t9:12:10\t120\tAGENT\t9:12:10\t9:14:10\t120\tDANA', // waited 120 s
  'AA01\t3\t0\t0\tPS\t990201\t9:20:00\t9:20:10\t10\t9:20:10\t9:21:40\t90\tHANG\t0:00:00\t0:00:00\t0\tNO_SERVER', // gave up after 90 s
];

describe('observing a log per hour', () => {
  it('counts arrivals, calls within the target, technicians on duty and the censored mean patience', () => {
    const log = observeLog(importAnonymousBank([header, ...rows].join('\n')), 60);
    const nine = log.days.get('1999-02-01')![9]!;
    expect(nine.arrivals).toBe(3);
    expect(nine.calledWithinTarget).toBe(1);
    // DANA on duty 9:00:40 .. 9:14:10 = 13.5 min.
    expect(nine.techniciansOnDuty).toBeCloseTo(13.5 / 60, 6);
    expect(log.services.map((s) => s.seconds)).toEqual([300, 120]);
    // (30 + 120 + 90) s waited, one abandonment.
    expect(estimateMeanPatienceSeconds(log.waits)).toBe(240);
  });
});
