import { describe, expect, it } from 'vitest';
import { classifyEntry } from '../src/entry-kind.ts';

describe('classifyEntry', () => {
  it('treats a burst of keys as a badge scan', () => {
    expect(classifyEntry('04A1B2C3', [4, 6, 5, 3, 7, 4, 5])).toBe('badge');
  });

  it('treats human typing as an employee id, and anything with @ as an email', () => {
    expect(classifyEntry('E12345', [180, 220, 140, 160, 200])).toBe('employee_id');
    expect(classifyEntry('marie@example.com', [3, 3, 3])).toBe('email');
  });

  it('does not call a single pasted character a scan', () => {
    expect(classifyEntry('7', [])).toBe('employee_id');
  });
});
