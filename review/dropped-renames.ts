import { SettingChange } from './model';
import { RiskFinding, finding } from './risk';
import { IntegrationIndex, StackIndex } from './stack-index';

/**
 * Renames whose record (the `moved` blocks `renamedFrom` emits) base has and head no longer has.
 * A moved block only matters to a state that still holds the old address: an environment not
 * applied since the rename would destroy the app under its old key and create a new one, and
 * prevent_destroy cannot stop it: Terraform checks it only on resources still declared.
 * Nothing in the synth output says whether each environment has applied the rename, so the review
 * says it: once per integration, naming the old address of its app (else of its first moved resource).
 */
export function droppedRenames(base: StackIndex, head: StackIndex): { findings: RiskFinding[]; settings: SettingChange[] } {
  const dropped = [...base.moved].filter(([from]) => !head.moved.has(from));
  if (dropped.length === 0) return { findings: [], settings: [] };
  const ownerOf = new Map<string, IntegrationIndex>();
  for (const i of head.integrations.values()) for (const address of i.blocks.keys()) ownerOf.set(address, i);
  const byIntegration = new Map<string, { from: string; to: string; snowflake: boolean }>();
  for (const [from, moved] of dropped) {
    // Renamed again since (a chain: base moved omni_old to omni, head moves omni to omni2): where it is now.
    const to = head.moved.get(moved) ?? moved;
    const owner = ownerOf.get(to);
    // A resource gone from head is reviewed as removed, with that removal's own risk.
    if (!owner) continue;
    const kept = byIntegration.get(owner.key);
    if (!kept || to === owner.appAddress) byIntegration.set(owner.key, { from, to, snowflake: owner.preset === 'snowflake' });
  }
  const findings: RiskFinding[] = [];
  const settings: SettingChange[] = [];
  for (const [key, { from, to, snowflake }] of [...byIntegration].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // Snowflake's object names default from the key before the rename: without the record they follow the new key.
    const names = snowflake
      ? `; and its Snowflake security integrations' default names come from renamedFrom, so every environment renames, and so replaces, them unless snowflake.integrationName keeps the name they have`
      : '';
    findings.push(
      finding(
        'rename-record-removed',
        `rename record of ${key} removed (moved from ${from}): if this environment has not applied the rename yet, its plan destroys ${from} and creates ${to}; ` +
          `prevent_destroy does not stop it (${from} is no longer declared)${names}`,
      ),
    );
    settings.push({ resource: to, setting: 'rename record (renamedFrom)', attribute: 'moved', before: `moved from ${from}` });
  }
  return { findings, settings };
}
