import type { Db } from '../db/connection.ts';

type Lang = 'en' | 'fr';

function localized(text: string, lang: Lang): string {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object') {
      const values = parsed as Record<string, string>;
      return values[lang] ?? values.en ?? Object.values(values)[0] ?? text;
    }
  } catch {
    // A plain label rather than a translated one.
  }
  return text;
}

export interface ReportLabels {
  site(id: string): string;
  queue(id: string): string;
  category(id: string): string;
  technician(id: string | null): string;
  desk(id: string | null): string;
}

/** Names for the ids reports group by, in the reader's language; an unknown id shows as itself. */
export async function loadReportLabels(db: Db, siteIds: readonly string[], lang: Lang): Promise<ReportLabels> {
  const ids = siteIds.length > 0 ? [...siteIds] : [''];
  const [sites, queues, categories, desks, technicians] = await Promise.all([
    db.selectFrom('sites').select(['id', 'name']).where('id', 'in', ids).execute(),
    db.selectFrom('queues').select(['id', 'name']).where('site_id', 'in', ids).execute(),
    db.selectFrom('categories').select(['id', 'label']).where('site_id', 'in', ids).execute(),
    db.selectFrom('desks').select(['id', 'name']).where('site_id', 'in', ids).execute(),
    db.selectFrom('technicians').select(['id', 'name']).execute(),
  ]);
  const maps = {
    site: new Map(sites.map((r) => [r.id, r.name])),
    queue: new Map(queues.map((r) => [r.id, localized(r.name, lang)])),
    category: new Map(categories.map((r) => [r.id, localized(r.label, lang)])),
    desk: new Map(desks.map((r) => [r.id, r.name])),
    technician: new Map(technicians.map((r) => [r.id, r.name])),
  };
  const none = lang === 'fr' ? 'personne' : 'nobody';
  return {
    site: (id) => maps.site.get(id) ?? id,
    queue: (id) => maps.queue.get(id) ?? id,
    category: (id) => maps.category.get(id) ?? id,
    technician: (id) => (id ? (maps.technician.get(id) ?? id) : none),
    desk: (id) => (id ? (maps.desk.get(id) ?? id) : ''),
  };
}
