import { categoryIconNames } from '@walkup/client';
import { describe, expect, it } from 'vitest';
import { draftOf, leafFieldsOf, treeOf, type Category } from '../src/admin/config/category-draft.ts';
import { iconWords } from '../src/admin/config/category-messages.ts';
import { moveInOrder } from '../src/admin/config/use-config-action.ts';

const category = (fields: Partial<Category>): Category => ({
  id: 'c',
  parentId: null,
  label: { en: 'C', fr: 'C' },
  icon: 'other',
  queueId: null,
  priority: 0,
  expectedServiceSeconds: 600,
  itsmCategory: null,
  itsmSubcategory: null,
  itsmAssignmentGroup: null,
  itsmVendorFields: {},
  archived: false,
  ...fields,
});

describe('a choice’s fields as the server takes them', () => {
  it('sends minutes as seconds, clears empty ITSM fields and keeps only the vendor fields filled in', () => {
    const draft = { ...draftOf(null, 'laptop'), queueId: 'hq-loans', priority: '2', serviceMinutes: '2.5', itsmCategory: ' hardware ', itsmVendorFields: { rtQueue: '', jsmRequestType: 'Loan', glpiCategory: ' ' } };
    expect(leafFieldsOf(draft)).toEqual({
      queueId: 'hq-loans',
      priority: 2,
      expectedServiceSeconds: 150,
      itsmCategory: 'hardware',
      itsmSubcategory: null,
      itsmAssignmentGroup: null,
      itsmVendorFields: { jsmRequestType: 'Loan' },
    });
  });

  it('leaves out a missing queue and sends what is not a number as typed, so the server names the field', () => {
    const fields = leafFieldsOf({ ...draftOf(null, 'laptop'), priority: 'high', serviceMinutes: '' });
    expect(fields).not.toHaveProperty('queueId');
    expect(fields.priority).toBe('high');
    expect(fields.expectedServiceSeconds).toBe('');
  });

  it('starts an edit from the saved values, service time in minutes', () => {
    const saved = category({ id: 'x', parentId: 'g', queueId: 'q', expectedServiceSeconds: 900, itsmVendorFields: { glpiCategory: 'Hardware' } });
    expect(draftOf(saved, null)).toMatchObject({ parentId: 'g', queueId: 'q', serviceMinutes: '15', itsmVendorFields: { rtQueue: '', jsmRequestType: '', glpiCategory: 'Hardware' } });
  });
});

describe('the tree and its order', () => {
  it('lists each group with its own choices, in the given order', () => {
    const tree = treeOf([category({ id: 'b' }), category({ id: 'a1', parentId: 'a' }), category({ id: 'a' }), category({ id: 'b1', parentId: 'b' }), category({ id: 'a2', parentId: 'a' })]);
    expect(tree.map(({ group, choices }) => [group.id, choices.map((c) => c.id)])).toEqual([
      ['b', ['b1']],
      ['a', ['a1', 'a2']],
    ]);
  });

  it('moves one item and keeps the focus on a button that still exists', () => {
    expect(moveInOrder(['a', 'b', 'c'], 1, 'up')).toEqual({ order: ['b', 'a', 'c'], moved: 'b', focusButton: 'down' });
    expect(moveInOrder(['a', 'b', 'c', 'd'], 2, 'up')).toEqual({ order: ['a', 'c', 'b', 'd'], moved: 'c', focusButton: 'up' });
    expect(moveInOrder(['a', 'b', 'c'], 1, 'down')).toEqual({ order: ['a', 'c', 'b'], moved: 'b', focusButton: 'up' });
  });

  it('names every icon the kiosk draws in both languages', () => {
    for (const words of Object.values(iconWords)) expect(Object.keys(words).sort()).toEqual([...categoryIconNames].sort());
  });
});
