import type { AdminSetupView, CategoryLeafFields, ItsmVendorFields } from '@walkup/client';

export type Category = AdminSetupView['categories'][number];

/** What the category form holds while an admin types: text as typed, turned into a request on save. */
export interface CategoryDraft {
  id: string;
  parentId: string | null;
  label: Record<string, string>;
  icon: string;
  queueId: string;
  priority: string;
  serviceMinutes: string;
  itsmCategory: string;
  itsmSubcategory: string;
  itsmAssignmentGroup: string;
  itsmVendorFields: Required<ItsmVendorFields>;
}

export const vendorFieldNames = ['rtQueue', 'jsmRequestType', 'glpiCategory'] as const;

export function draftOf(category: Category | null, parentId: string | null): CategoryDraft {
  const vendor = category?.itsmVendorFields ?? {};
  return {
    id: category?.id ?? '',
    parentId: category ? category.parentId : parentId,
    label: category?.label ?? {},
    icon: category?.icon ?? 'other',
    queueId: category?.queueId ?? '',
    priority: String(category?.priority ?? 0),
    serviceMinutes: String((category?.expectedServiceSeconds ?? 600) / 60),
    itsmCategory: category?.itsmCategory ?? '',
    itsmSubcategory: category?.itsmSubcategory ?? '',
    itsmAssignmentGroup: category?.itsmAssignmentGroup ?? '',
    itsmVendorFields: { rtQueue: vendor.rtQueue ?? '', jsmRequestType: vendor.jsmRequestType ?? '', glpiCategory: vendor.glpiCategory ?? '' },
  };
}

// Something that is not a number goes to the server as typed, so that its error names the field.
const numberOrAsTyped = (text: string, scale = 1) => (text.trim() === '' || Number.isNaN(Number(text)) ? (text as unknown as number) : Math.round(Number(text) * scale));
const textOrNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** A choice's queue, priority, service time and ITSM fields; empty ITSM fields are cleared. */
export function leafFieldsOf(draft: CategoryDraft): CategoryLeafFields {
  const vendorFields = Object.fromEntries(vendorFieldNames.map((name) => [name, draft.itsmVendorFields[name].trim()]).filter(([, value]) => value !== ''));
  return {
    // No queue chosen: left out, and the server says a choice needs one.
    ...(draft.queueId ? { queueId: draft.queueId } : {}),
    priority: numberOrAsTyped(draft.priority),
    expectedServiceSeconds: numberOrAsTyped(draft.serviceMinutes, 60),
    itsmCategory: textOrNull(draft.itsmCategory),
    itsmSubcategory: textOrNull(draft.itsmSubcategory),
    itsmAssignmentGroup: textOrNull(draft.itsmAssignmentGroup),
    itsmVendorFields: vendorFields,
  };
}

/** The site's categories in kiosk order: groups, each followed by its choices. */
export function treeOf(categories: readonly Category[]): Array<{ group: Category; choices: Category[] }> {
  return categories.filter((c) => c.parentId === null).map((group) => ({ group, choices: categories.filter((c) => c.parentId === group.id) }));
}
