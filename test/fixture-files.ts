import * as fs from 'fs';
import * as path from 'path';

/** Saved SP metadata files and `terraform output -json` used as test input. */
export const FIXTURES = path.join(__dirname, 'fixtures');

export function fixture(rel: string): string {
  return fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
}
