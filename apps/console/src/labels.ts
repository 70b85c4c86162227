import type { ActiveVisitView } from '@walkup/domain';
import type { SiteConfig } from '@walkup/protocol';
import { localized, type Language } from '@walkup/client';

/** "Laptop › Won't start": the level-1 choice gives the context the leaf label leaves out. */
export function categoryLabel(config: SiteConfig | null, categoryId: string, lang: Language): string {
  const leaf = config?.categories.find((c) => c.id === categoryId);
  if (!leaf) return categoryId;
  const parent = leaf.parentId ? config?.categories.find((c) => c.id === leaf.parentId) : undefined;
  const label = localized(leaf.label, lang);
  return parent ? `${localized(parent.label, lang)} › ${label}` : label;
}

/**
 * Who the visitor is, as best we know: directory name, else what they entered, said for what it is
 * ("Badge 0004499999"): a raw number never passes for a name.
 */
export function visitorLabel(visit: ActiveVisitView, t: (key: 'guest' | 'badgeLabel' | 'employeeIdLabel', params?: Record<string, string>) => string): string {
  const visitor = visit.visitor;
  if (visit.visitorName) return visit.visitorName;
  if (visitor?.email) return visitor.email;
  if (visitor?.employeeId) return t('employeeIdLabel', { id: visitor.employeeId });
  if (visitor?.badgeId) return t('badgeLabel', { id: visitor.badgeId });
  return t('guest');
}
