/**
 * Domain errors carry an HTTP-agnostic kind; the server maps each kind to a status code in one
 * error handler, so use cases never think about HTTP.
 */
export type DomainErrorKind = 'not_found' | 'conflict' | 'invalid' | 'forbidden' | 'unauthenticated' | 'gone';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super('not_found', `${what}_not_found`, `${what} '${id}' does not exist`);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string) {
    super('conflict', code, message);
  }
}

export class InvalidInputError extends DomainError {
  constructor(code: string, message: string) {
    super('invalid', code, message);
  }
}

/** Something that existed and ended for good (a visitor's link after the visit ended): HTTP 410. */
export class GoneError extends DomainError {
  constructor(code: string, message: string) {
    super('gone', code, message);
  }
}
