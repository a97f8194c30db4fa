/** Splits external URLs across CI jobs deterministically by host, so each host's politeness limit holds per job. */
export interface Shard {
  /** 1-based. */
  index: number;
  total: number;
}

export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const total = Number(match[2]);
  return total >= 1 && index >= 1 && index <= total ? { index, total } : undefined;
}

/** FNV-1a of the host (with its port): the same shard for a host on every machine and run. */
export function inShard(url: string, shard: Shard): boolean {
  let host = '';
  try {
    host = new URL(url).host.toLowerCase();
  } catch {
    host = url;
  }
  let hash = 0x811c9dc5;
  for (let i = 0; i < host.length; i++) hash = Math.imul(hash ^ host.charCodeAt(i), 0x01000193) >>> 0;
  return hash % shard.total === shard.index - 1;
}
