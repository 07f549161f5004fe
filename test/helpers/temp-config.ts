import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Writes a config directory (relative path -> content) into a fresh temp dir and returns its path. */
export function tempConfig(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-sso-test-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

export const FIXTURES = path.join(__dirname, '..', 'fixtures');

export function fixture(rel: string): string {
  return fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
}
