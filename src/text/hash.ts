/**
 * SHA-256 and random file-name suffixes. node:crypto takes 3-11 ms to load (Node 20-24): only the
 * runs that hash (the result cache, SARIF fingerprints, custom rules' keys, written fixes) load it.
 */
import type { BinaryLike, Hash } from 'node:crypto';

const crypto = () => process.getBuiltinModule('node:crypto');

/** The hash of the parts, one after the other. */
export function sha256(...parts: BinaryLike[]): Hash {
  const hash = crypto().createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash;
}

/** Twelve hex digits, for temporary files' names. */
export const randomSuffix = (): string => crypto().randomBytes(6).toString('hex');
