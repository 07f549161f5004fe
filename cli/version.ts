import * as fs from 'fs';
import * as path from 'path';

/**
 * The package's version, from its package.json. Found by walking up from this
 * file, since it runs both compiled (dist/cli/) and from source (cli/, tests).
 */
export function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'cdktf-okta-sso' && pkg.version) return pkg.version;
    }
    if (path.dirname(dir) === dir) throw new Error('package.json of cdktf-okta-sso not found');
  }
}
