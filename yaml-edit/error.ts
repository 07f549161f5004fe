/** What a user can do about an edit that cannot be made in place: make it by hand, and let the command check the result. */
export const BY_HAND = 'accepted: the value set by hand, then the command run again to check';

/**
 * An edit that cannot be made in place; `at` is the deepest part of its path
 * that exists in the file. Its own module, free of the YAML library, so that
 * planning (which edits plain data too) does not load the parser.
 */
export class YamlEditError extends Error {
  constructor(
    message: string,
    readonly at: readonly string[],
  ) {
    super(message);
  }
}
