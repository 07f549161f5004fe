/**
 * Replays one rule case's code (test/support/rule-cases.ts) as a user's app
 * does: a fresh App and stack, the SP construct, a plain `app.synth()`.
 * Plain JavaScript taking the library and cdktf as arguments, so that the same
 * runner drives the source tree in the repo's tests and the packed, installed
 * package in the example app's test.
 */
const fs = require('fs');
const path = require('path');

function revive(value, lib) {
  if (Array.isArray(value)) return value.map((v) => revive(v, lib));
  if (value === null || typeof value !== 'object') return value;
  if (typeof value.$env === 'string') return lib.SecretRef.fromEnv(value.$env);
  if (typeof value.$store === 'string') return lib.SecretRef.fromStore(value.$store);
  if (typeof value.$spMetadataXml === 'string') return lib.SpMetadataDocument.fromXml(value.$spMetadataXml);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v, lib)]));
}

/** Synthesizes the case into `outdir`; returns the error message, or the warnings cdktf recorded. */
function runRuleCase(lib, cdktf, code, outdir, suppressions) {
  const app = new cdktf.App({ outdir });
  const stack = new cdktf.TerraformStack(app, 'prod');
  new cdktf.LocalBackend(stack, { path: '../../../state/prod.tfstate' });
  const props = revive({ ...code.props, ...(suppressions ? { suppressions } : {}) }, lib);
  const construct = new lib[code.construct](stack, code.id, props);
  if (code.escapeHatch) construct.oktaApp.addOverride(code.escapeHatch.path, code.escapeHatch.value);
  try {
    app.synth();
  } catch (err) {
    return { error: err.message };
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  const warnings = (manifest.stacks.prod.annotations || []).filter((a) => a.level === '@cdktf/warn').map((a) => `[${a.constructPath}] ${a.message}`);
  return { warnings, stack: JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'prod', 'cdk.tf.json'), 'utf8')) };
}

module.exports = { runRuleCase };
