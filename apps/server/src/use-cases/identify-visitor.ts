import { InvalidInputError, NotFoundError } from '@walkup/domain';
import { findDirectoryPerson, type DirectoryPerson } from '../queries/directory.ts';
import type { UseCaseDeps } from './deps.ts';

/** Resolves a badge scan, email or employee id to a person in the directory (404 when unknown). */
export async function identifyVisitor(
  deps: Pick<UseCaseDeps, 'db'>,
  key: { badgeId?: string; email?: string; employeeId?: string },
): Promise<DirectoryPerson> {
  const given = [key.badgeId, key.email, key.employeeId].filter((v) => v !== undefined);
  if (given.length !== 1) throw new InvalidInputError('one_identifier', 'give exactly one of badgeId, email or employeeId');
  const person = await findDirectoryPerson(deps.db, key);
  if (!person) throw new NotFoundError('person', key.badgeId ?? key.email ?? key.employeeId ?? '');
  return person;
}
