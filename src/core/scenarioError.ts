/** Thrown for a scenario that cannot be run; the message names the field and the valid values. */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
  /**
   * The scenario field at fault, as a full path (`failAt`, `retry.maxAttempts`,
   * `definition.steps[2].kind`), so a UI can fall back for that field alone.
   */
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field} ${message}`);
    this.field = field;
  }
}
