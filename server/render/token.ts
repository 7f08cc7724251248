// The image links' optional shared secret, given as ?token=. Compared in constant time: an
// early-exit comparison would let a caller find the token byte by byte from response times.
import { createHash, timingSafeEqual } from 'node:crypto';

export function tokenMatches(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  // Hashing first gives equal lengths, so neither the token's length nor its bytes leak.
  return timingSafeEqual(digest(given), digest(expected));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
