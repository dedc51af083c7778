/**
 * Errors meant for people: a UserError (bad input: an unknown id, a malformed file, a parameter
 * that does not exist) is printed by the CLI as one line "error: …" with exit code 2, never as a
 * stack trace.
 */
export class UserError extends Error {}
