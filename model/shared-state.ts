import * as path from 'path';
import { showValue } from './show-value';
import { BackendModel } from './types';

/** Where a backend keeps its state, and the config field that decides it: equal for two backends that share one state. */
export function stateOf(backend: BackendModel): { readonly id: string; readonly field: string; readonly shown: string } {
  switch (backend.type) {
    case 'local':
      // `state/dev.tfstate` and `./state/dev.tfstate` are one file.
      return { id: `local\u0000${path.posix.normalize(backend.path.replace(/\\/g, '/'))}`, field: 'path', shown: `local state ${showValue(backend.path)}` };
    case 's3':
      // Bucket names are global: the bucket and key are the state, whatever the region.
      return { id: `s3\u0000${backend.bucket}\u0000${backend.key}`, field: 'key', shown: `s3 bucket ${showValue(backend.bucket)} key ${showValue(backend.key)}` };
    case 'hcp':
      return {
        id: `hcp\u0000${backend.hostname ?? 'app.terraform.io'}\u0000${backend.organization}\u0000${backend.workspace}`,
        field: 'workspace',
        shown: `HCP Terraform workspace ${showValue(backend.workspace)} of ${showValue(backend.organization)}`,
      };
  }
}

export interface SharedStateProblem {
  readonly environment: string;
  /** The backend field that decides the state: `path`, `key` or `workspace`. */
  readonly field: string;
  /** The other environments of the same state. */
  readonly others: readonly string[];
  readonly message: string;
}

/**
 * Environments whose backends keep one state. A plan of the second would read the first's resources as its own:
 * update them to its values, and destroy those it does not declare. Each environment of a shared state is reported,
 * naming the others. Linear in the number of environments.
 */
export function checkSharedState(environments: ReadonlyArray<{ readonly name: string; readonly backend: BackendModel }>): SharedStateProblem[] {
  const byState = new Map<string, string[]>();
  for (const e of environments) {
    const { id } = stateOf(e.backend);
    byState.set(id, [...(byState.get(id) ?? []), e.name]);
  }
  const problems: SharedStateProblem[] = [];
  for (const e of environments) {
    const { id, field, shown } = stateOf(e.backend);
    const others = byState.get(id)!.filter((n) => n !== e.name);
    if (others.length === 0) continue;
    problems.push({
      environment: e.name,
      field,
      others,
      message: `${shown} is also the state of environment ${others.map((n) => showValue(n)).join(', ')}: a plan of either would take the other's resources as its own, updating them to its values and destroying what it does not declare; accepted: one state per environment`,
    });
  }
  return problems;
}
