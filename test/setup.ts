import { Testing } from 'cdktf';
import * as fs from 'fs';
import * as path from 'path';

Testing.setupJest();

// Each test file's temporary directories (tempDir, mkdtemp in the code under test and in the commands it runs) go under one
// directory of its own, removed when the file is done: a run leaves nothing behind in the system's temp directory.
// The os module itself (not an import's namespace copy), so that every module of this test file sees the one temp directory.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const os = require('os') as typeof import('os');
const systemTmpdir = os.tmpdir;
const systemTmp = systemTmpdir();
const fileTmp = fs.mkdtempSync(path.join(systemTmp, 'okta-sso-test-'));
const savedEnv = process.env.TMPDIR;
os.tmpdir = () => fileTmp;
process.env.TMPDIR = fileTmp;

afterAll(() => {
  os.tmpdir = systemTmpdir;
  if (savedEnv === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedEnv;
  fs.rmSync(fileTmp, { recursive: true, force: true });
});
