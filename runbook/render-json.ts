import { RunbookStep } from './types';

/**
 * runbook.json, written piece by piece so that a large runbook is never held
 * whole: the contract's key order, two-space indent, trailing newline; the
 * same bytes as JSON.stringify of the whole runbook.
 */
export class RunbookJson {
  private count = 0;

  public begin(environment: string): string {
    return `{\n  "environment": ${JSON.stringify(environment)},\n  "steps": [`;
  }

  public step(s: RunbookStep): string {
    const ordered = {
      id: s.id,
      integration: s.integration,
      title: s.title,
      why: s.why,
      actions: [...s.actions],
      values: { ...s.values },
      ...(s.terraformOutput !== undefined ? { terraformOutput: s.terraformOutput } : {}),
      ...(s.checkOnly ? { checkOnly: true } : {}),
    };
    // JSON escapes line breaks inside strings, so every line of the step can take the array's indent.
    const text = JSON.stringify(ordered, null, 2).replace(/\n/g, '\n    ');
    return `${this.count++ === 0 ? '\n' : ',\n'}    ${text}`;
  }

  public end(): string {
    return this.count === 0 ? ']\n}\n' : '\n  ]\n}\n';
  }
}
