import { DomainError, InvalidInputError, greetingName } from '@walkup/domain';
import { findDirectoryPerson, findDirectoryPersonByIdentifier, type DirectoryMatch } from '../queries/directory.ts';
import type { UseCaseDeps } from './deps.ts';

export interface IdentifyKey {
  /** What the visitor scanned or typed: tried as a badge, then an employee id, then an email. */
  identifier?: string;
  badgeId?: string;
  email?: string;
  employeeId?: string;
}

/** All a kiosk learns about a person: that they exist, how they matched, and a first name to greet. */
export interface IdentifiedVisitor {
  kind: DirectoryMatch['kind'];
  displayName: string;
}

/**
 * Resolves what the visitor entered to a person in the directory (404 when unknown). Only a yes and
 * a first name leave the server: check-in resolves the identifier again, so the directory record
 * (email, employee id, badge id, full name) never reaches a kiosk.
 */
export async function identifyVisitor(deps: Pick<UseCaseDeps, 'db'>, key: IdentifyKey): Promise<IdentifiedVisitor> {
  const given = [key.identifier, key.badgeId, key.email, key.employeeId].filter((v) => v !== undefined);
  if (given.length !== 1) throw new InvalidInputError('one_identifier', 'give exactly one of identifier, badgeId, email or employeeId');
  const match = key.identifier !== undefined ? await findDirectoryPersonByIdentifier(deps.db, key.identifier) : await matchByField(deps, key);
  if (!match) throw new DomainError('not_found', 'person_not_found', 'nobody in the directory has that badge, employee id or email');
  return { kind: match.kind, displayName: greetingName(match.person.name) };
}

async function matchByField(deps: Pick<UseCaseDeps, 'db'>, key: IdentifyKey): Promise<DirectoryMatch | null> {
  const person = await findDirectoryPerson(deps.db, key);
  if (!person) return null;
  return { kind: key.badgeId ? 'badge' : key.email ? 'email' : 'employee_id', person };
}
