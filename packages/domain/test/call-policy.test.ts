import { describe, expect, it } from 'vitest';
import { pickNextVisit } from '../src/index.ts';

const visit = (id: string, queueId: string, priority: number, minute: number) => ({
  id,
  queueId,
  priority,
  checkedInAt: `2026-11-23T09:${String(minute).padStart(2, '0')}:00.000Z`,
});

describe('call-next policy', () => {
  it('takes the higher priority first, whatever the wait', () => {
    const waiting = [visit('old', 'hw', 0, 0), visit('urgent', 'hw', 1, 30)];
    expect(pickNextVisit(waiting, ['hw'])?.id).toBe('urgent');
  });

  it('takes the longest wait across all the technician queues', () => {
    const waiting = [visit('sw', 'sw', 0, 10), visit('hw', 'hw', 0, 5), visit('acc', 'acc', 0, 1)];
    expect(pickNextVisit(waiting, ['hw', 'sw'])?.id).toBe('hw');
  });

  it('ignores queues the technician does not serve and returns null when none wait', () => {
    expect(pickNextVisit([visit('acc', 'acc', 2, 0)], ['hw'])).toBeNull();
    expect(pickNextVisit([], ['hw'])).toBeNull();
  });
});
