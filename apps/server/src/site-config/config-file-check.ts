import { Value } from 'typebox/value';
import { DomainError } from '@walkup/domain';
import { SeedSchema, type SeedFile } from '../db/seed-schema.ts';
import { requireDate, requireLanguages, requireLocalized, requireOpeningHours, requireTimeZone } from './config-rules.ts';

type SeedSite = SeedFile['sites'][number];

/** Runs one rule; a broken rule becomes a line "path message". */
function collect(mistakes: string[], rule: () => void): void {
  try {
    rule();
  } catch (error) {
    if (error instanceof DomainError) mistakes.push(error.message);
    else throw error;
  }
}

function checkSite(site: SeedSite, path: string, seenIds: Map<string, string>, mistakes: string[]): void {
  const unique = (id: string, where: string) => {
    const first = seenIds.get(id);
    if (first) mistakes.push(`${where} '${id}' is used already at ${first}`);
    else seenIds.set(id, where);
  };
  const languages = site.languages;
  collect(mistakes, () => requireTimeZone(`${path}/timeZone`, site.timeZone));
  collect(mistakes, () => requireLanguages(path, languages, site.defaultLanguage));
  collect(mistakes, () => requireOpeningHours(`${path}/openingHours`, site.openingHours));
  (site.closures ?? []).forEach((closure, index) => {
    const at = `${path}/closures/${index}`;
    collect(mistakes, () => requireDate(`${at}/firstDay`, closure.firstDay));
    collect(mistakes, () => requireDate(`${at}/lastDay`, closure.lastDay));
    if (closure.lastDay < closure.firstDay) mistakes.push(`${at}/lastDay ${closure.lastDay} comes before the first day ${closure.firstDay}`);
    collect(mistakes, () => requireLocalized(`${at}/message`, closure.message, languages));
  });
  if (site.welcomeText) collect(mistakes, () => requireLocalized(`${path}/welcomeText`, site.welcomeText!, languages));
  const queueIds = new Set(site.queues.map((q) => q.id));
  const prefixes = new Map<string, string>();
  site.queues.forEach((queue, index) => {
    const at = `${path}/queues/${index}`;
    unique(queue.id, `${at}/id`);
    collect(mistakes, () => requireLocalized(`${at}/name`, queue.name, languages));
    if (prefixes.has(queue.prefix)) mistakes.push(`${at}/prefix '${queue.prefix}' is the prefix of ${prefixes.get(queue.prefix)} already`);
    prefixes.set(queue.prefix, queue.id);
  });
  site.categories.forEach((group, index) => {
    const at = `${path}/categories/${index}`;
    unique(group.id, `${at}/id`);
    collect(mistakes, () => requireLocalized(`${at}/label`, group.label, languages));
    group.children.forEach((choice, childIndex) => {
      const childAt = `${at}/children/${childIndex}`;
      unique(choice.id, `${childAt}/id`);
      collect(mistakes, () => requireLocalized(`${childAt}/label`, choice.label, languages));
      if (!queueIds.has(choice.queue)) mistakes.push(`${childAt}/queue '${choice.queue}' is not one of this site's queues`);
    });
  });
  site.desks.forEach((desk, index) => unique(desk.id, `${path}/desks/${index}/id`));
  site.technicians.forEach((technician, index) => {
    technician.queues.forEach((queueId, queueIndex) => {
      if (!queueIds.has(queueId)) mistakes.push(`${path}/technicians/${index}/queues/${queueIndex} '${queueId}' is not one of this site's queues`);
    });
  });
}

/**
 * Every mistake in a configuration file (the seed file's format), each starting with its JSON path:
 * the shape first, then what the shape cannot say (real time zones and hours, ranges that run
 * forward, references to queues that exist, ids used once).
 */
export function findConfigMistakes(data: unknown): string[] {
  if (!Value.Check(SeedSchema, data)) {
    return [...Value.Errors(SeedSchema, data)].slice(0, 50).map((e) => `${e.instancePath || '/'} ${e.message}`);
  }
  const mistakes: string[] = [];
  const seenIds = new Map<string, string>();
  const siteIds = new Set<string>();
  data.sites.forEach((site, index) => {
    if (siteIds.has(site.id)) mistakes.push(`/sites/${index}/id '${site.id}' is listed twice`);
    siteIds.add(site.id);
    checkSite(site, `/sites/${index}`, seenIds, mistakes);
  });
  return mistakes;
}
