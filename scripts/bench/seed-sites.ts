import { writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a seed file (same shape as db/seed/demo-site.json) with many sites, so benchmarks load a
 * whole company: every site has two queues, four leaf categories, desks and technicians of its own.
 * Sites are open around the clock in UTC, so a benchmark never hits "closed".
 */
export interface GeneratedSite {
  id: string;
  queueIds: string[];
  categoryIds: string[];
  deskIds: string[];
  technicianIds: string[];
  /** Leaf categories with their queue and the seed's expected service time (simulations size visits from it). */
  categories: Array<{ id: string; queueId: string; expectedServiceSeconds: number }>;
}

export function siteId(index: number): string {
  return `site-${String(index).padStart(3, '0')}`;
}

export function generateSeed(options: { sites: number; desksPerSite: number }): { seed: unknown; sites: GeneratedSite[] } {
  const allDay = [['00:00', '24:00']];
  const openingHours = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, allDay]));
  const sites: GeneratedSite[] = [];
  const seedSites = Array.from({ length: options.sites }, (_, index) => {
    const id = siteId(index);
    const q = (name: string) => `${id}-${name}`;
    const desks = Array.from({ length: options.desksPerSite }, (_, d) => ({ id: `${id}-desk-${d + 1}`, name: `Desk ${d + 1}` }));
    const technicians = desks.map((_, d) => ({
      id: `${id}-tech-${d + 1}`,
      name: `Tech ${d + 1} of ${id}`,
      // Half the technicians serve both queues, half only hardware: calls cross queues like a real bar.
      queues: d % 2 === 0 ? [q('hardware'), q('software')] : [q('hardware')],
    }));
    const leaf = (name: string, queue: string, seconds: number, priority = 0) => ({
      id: q(name),
      icon: 'other',
      label: { en: name },
      queue: q(queue),
      priority,
      expectedServiceSeconds: seconds,
    });
    const categories = [
      { id: q('laptop-menu'), icon: 'laptop', label: { en: 'Laptop' }, children: [leaf('laptop-slow', 'hardware', 900), leaf('laptop-broken', 'hardware', 600)] },
      { id: q('software-menu'), icon: 'app', label: { en: 'Software' }, children: [leaf('software-install', 'software', 600), leaf('password', 'software', 300, 1)] },
    ];
    sites.push({
      id,
      queueIds: [q('hardware'), q('software')],
      categoryIds: categories.flatMap((c) => c.children.map((choice) => choice.id)),
      deskIds: desks.map((d) => d.id),
      technicianIds: technicians.map((t) => t.id),
      categories: categories.flatMap((c) => c.children.map((choice) => ({ id: choice.id, queueId: choice.queue, expectedServiceSeconds: choice.expectedServiceSeconds }))),
    });
    return {
      id,
      name: `Tech bar ${index}`,
      timeZone: 'UTC',
      defaultLanguage: 'en',
      languages: ['en'],
      openingHours,
      showNamesOnDisplay: false,
      noShowGraceSeconds: 0,
      escalationGroups: ['L2'],
      queues: [
        { id: q('hardware'), prefix: 'H', name: { en: 'Hardware' } },
        { id: q('software'), prefix: 'S', name: { en: 'Software' } },
      ],
      categories,
      desks,
      technicians,
    };
  });
  return { seed: { sites: seedSites, directory: [] }, sites };
}

export function writeSeed(dir: string, options: { sites: number; desksPerSite: number }): { file: string; sites: GeneratedSite[] } {
  const { seed, sites } = generateSeed(options);
  const file = path.join(dir, 'seed.json');
  writeFileSync(file, JSON.stringify(seed));
  return { file, sites };
}
