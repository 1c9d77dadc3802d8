import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** A six-digit code the resident shows the technician at the door. */
export const newVerificationCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

export const hashCode = (salt: string, code: string): string => createHash('sha256').update(`${salt}:${code}`).digest('hex');

export function isCodeCorrect(salt: string, code: string, expectedHash: string): boolean {
  const a = Buffer.from(hashCode(salt, code), 'hex');
  const b = Buffer.from(expectedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
