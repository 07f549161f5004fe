/** Where a command writes, so tests can run commands in-process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  exit(code: number): void;
}

export const processIo: CliIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  exit: (code) => {
    process.exitCode = code;
  },
};
