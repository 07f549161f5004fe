import { ownEntry } from '../model/own-entry';
import { SECRET_REFERENCE_IN_TEXT } from './display';
import { RiskFinding, finding } from './risk';
import { IntegrationIndex, StackIndex } from './stack-index';

/** A Terraform reference to variable `name` (`${var.name}`), not the escaped literal `$${var.name}`. */
function variableReference(name: string): RegExp {
  return new RegExp(`(?<!\\$\\$\\{)(?<![A-Za-z0-9_.])var\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_-])`);
}

function readsVariable(i: IntegrationIndex, name: string): boolean {
  const ref = variableReference(name);
  for (const block of i.blocks.values()) if (ref.test(JSON.stringify(block.body))) return true;
  return false;
}

/** Whether an integration of `side` reads a secret: a sensitive variable in its blocks, or a secret location (`env:`, `secret:`) in its runbook values. */
function readSecret(i: IntegrationIndex, side: StackIndex): boolean {
  const sensitive = Object.keys(side.variables).filter((n) => ownEntry(side.variables, n)?.sensitive === true);
  if (sensitive.some((n) => readsVariable(i, n))) return true;
  for (const step of i.steps.values()) if (SECRET_REFERENCE_IN_TEXT.test(JSON.stringify(step.values ?? {}))) return true;
  return false;
}

/**
 * The finding for a sensitive variable head adds. A secret moved only where something read it before: an
 * integration reading the variable that, in base (under its old key when renamed), read a secret already.
 * Otherwise it is a new secret, such as a new integration's SCIM token, and is said so: nothing moved.
 * `renamed` maps head keys to base keys.
 */
export function addedSecretFinding(name: string, base: StackIndex, head: StackIndex, renamed: ReadonlyMap<string, string>): RiskFinding {
  const readers = [...head.integrations.values()].filter((i) => readsVariable(i, name));
  const before = (i: IntegrationIndex) => base.integrations.get(renamed.get(i.key) ?? i.key);
  const moved = readers.some((i) => {
    const was = before(i);
    return was !== undefined && readSecret(was, base);
  });
  if (moved) {
    return finding('secret-moved', `sensitive variable ${name} added: set it before apply`);
  }
  const who = readers.map((i) => (before(i) ? `integration ${i.key} (which read no secret before)` : `new integration ${i.key}`)).sort();
  return finding('secret-new', `new secret: sensitive variable ${name}${who.length ? `, read by ${who.join(', ')}` : ''}: set it before plan and apply`);
}

/**
 * The finding for a sensitive variable head removes. It moved where an integration that read it reads a secret in head
 * too (the same integration renamed, or reading another variable). Otherwise nothing reads it any more, such as the
 * token of a removed integration, and is said so: nothing moved, and the secret is left to retire.
 * `renamed` maps head keys to base keys.
 */
export function removedSecretFinding(name: string, base: StackIndex, head: StackIndex, renamed: ReadonlyMap<string, string>): RiskFinding {
  const readers = [...base.integrations.values()].filter((i) => readsVariable(i, name));
  const headKeyOf = new Map([...head.integrations.keys()].map((k) => [renamed.get(k) ?? k, k]));
  const after = (i: IntegrationIndex) => {
    const key = headKeyOf.get(i.key);
    return key === undefined ? undefined : head.integrations.get(key);
  };
  const moved = readers.some((i) => {
    const now = after(i);
    return now !== undefined && readSecret(now, head);
  });
  if (moved) return finding('secret-moved', `sensitive variable ${name} removed`);
  const who = readers.map((i) => (after(i) ? `integration ${i.key} (which reads no secret now)` : `removed integration ${i.key}`)).sort();
  return finding('secret-unused', `sensitive variable ${name} removed${who.length ? `, read before by ${who.join(', ')}` : ''}: nothing reads it now`);
}
