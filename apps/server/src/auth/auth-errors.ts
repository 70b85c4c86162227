import { DomainError } from '@walkup/domain';

/** No valid credential at all: the client should sign in or pair. */
export class UnauthenticatedError extends DomainError {
  constructor(code = 'unauthenticated', message = 'sign in (technicians) or pair this device first') {
    super('unauthenticated', code, message);
  }
}

/** A valid credential that does not allow this: wrong role, other site, other technician. */
export class ForbiddenError extends DomainError {
  constructor(code: string, message: string) {
    super('forbidden', code, message);
  }
}
