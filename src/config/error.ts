/** A configuration problem: one actionable line (the CLI exits 2 with it, the Action fails with it). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
