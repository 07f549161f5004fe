import { Runbook } from './types';

/** runbook.json: the contract's key order, two-space indent, trailing newline. */
export function renderRunbookJson(runbook: Runbook): string {
  const ordered = {
    environment: runbook.environment,
    steps: runbook.steps.map((s) => ({
      id: s.id,
      integration: s.integration,
      title: s.title,
      why: s.why,
      actions: [...s.actions],
      values: { ...s.values },
      ...(s.terraformOutput !== undefined ? { terraformOutput: s.terraformOutput } : {}),
    })),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
