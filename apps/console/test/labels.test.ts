import { describe, expect, it } from 'vitest';
import type { ActiveVisitView } from '@walkup/domain';
import { visitorLabel } from '../src/labels.ts';
import { createConsoleI18n } from '../src/messages.ts';

const { t } = createConsoleI18n();
const visit = (fields: Partial<ActiveVisitView>) => ({ visitorName: null, visitor: { kind: 'badge' }, ...fields }) as ActiveVisitView;

describe('visitorLabel', () => {
  it('shows the directory name when there is one', () => {
    expect(visitorLabel(visit({ visitorName: 'Marie Dupont', visitor: { kind: 'badge', badgeId: '0004411001' } }), t)).toBe('Marie Dupont');
  });

  it('never passes a raw badge number or employee id off as a name', () => {
    expect(visitorLabel(visit({ visitor: { kind: 'badge', badgeId: '0004499999' } }), t)).toBe('Badge 0004499999');
    expect(visitorLabel(visit({ visitor: { kind: 'employee_id', employeeId: 'E7777' } }), t)).toBe('Employee ID E7777');
    expect(visitorLabel(visit({ visitor: { kind: 'guest' } }), t)).toBe('Guest');
  });
});
