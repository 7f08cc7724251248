import { describe, expect, it } from 'vitest';
import { tokenMatches } from './token.ts';

describe('tokenMatches', () => {
  it('accepts exactly the token', () => {
    expect(tokenMatches('s3cret-token', 's3cret-token')).toBe(true);
  });

  it('refuses a missing, empty, shorter, longer or different token', () => {
    for (const given of [null, undefined, '', 's3cret', 's3cret-token-', 'S3cret-token', 's3cret-tokeN']) {
      expect(tokenMatches(given, 's3cret-token')).toBe(false);
    }
  });
});
