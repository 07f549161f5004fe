import { LocalBackend, S3Backend, TerraformStack } from 'cdktf';
import * as path from 'path';
import { BackendModel } from '../model/types';
import { HcpBackend } from './hcp-backend';
import { LOCAL_STATE_RECORD } from './local-state-record';

/**
 * Declares the stack's backend explicitly. Without one, cdktf writes an
 * absolute local state path into cdk.tf.json and output differs per machine.
 * `configDirFromStackDir` is the relative path from the synthesized stack
 * directory back to the config directory, where local state paths are anchored;
 * without one (no config directory), the path is relative to the stack directory
 * and nothing is recorded.
 */
export function addBackend(stack: TerraformStack, backend: BackendModel, configDirFromStackDir?: string): void {
  switch (backend.type) {
    case 'local':
      new LocalBackend(stack, { path: path.posix.join(configDirFromStackDir ?? '.', backend.path) });
      // The path as written in config, for the review (stacks/local-state-record.ts): the one above also names the config directory.
      if (configDirFromStackDir !== undefined) stack.addOverride(LOCAL_STATE_RECORD.join('.'), backend.path);
      return;
    case 's3': {
      const s3 = new S3Backend(stack, {
        bucket: backend.bucket,
        key: backend.key,
        region: backend.region,
        encrypt: backend.encrypt,
        dynamodbTable: backend.dynamodbTable,
      });
      // Terraform >= 1.10 S3-native locking; cdktf 0.21's S3BackendConfig predates it.
      if (backend.useLockfile !== undefined) s3.addOverride('use_lockfile', backend.useLockfile);
      return;
    }
    case 'hcp':
      new HcpBackend(stack, { organization: backend.organization, workspace: backend.workspace, hostname: backend.hostname });
      return;
  }
}
