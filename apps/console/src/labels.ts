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

/** Who the visitor is, as best we know: directory name, else what they typed at the kiosk. */
export function visitorLabel(visit: ActiveVisitView, guestWord: string): string {
  return visit.visitorName ?? visit.visitor?.email ?? visit.visitor?.employeeId ?? visit.visitor?.badgeId ?? guestWord;
}
