import * as fs from 'fs';

/** How much text is gathered before it is written: large enough for few writes, small beside a large stack. */
const CHUNK_CHARS = 1 << 20;

/**
 * Writes `value` to `file` as the same bytes cdktf writes a stack's cdk.tf.json
 * with (json-stable-stringify, `space: 2`: keys sorted, an empty object or
 * list still broken over two lines), a piece at a time. cdktf builds the whole
 * text as one string and writes it at once: at 10,000 integrations that is
 * ~140 MB of text, its UTF-8 copy, and the partial strings of every level
 * before them, all live beside the stack. Here only a chunk of text is.
 */
export function writeStableJsonFile(file: string, value: unknown): void {
  const fd = fs.openSync(file, 'w');
  try {
    const out = new ChunkedText(fd);
    const text = new StableJson(out);
    if (!text.write(jsonValueOf(value), 0)) throw new TypeError(`nothing to write to ${file}: the value has no JSON text`);
    out.flush();
  } finally {
    fs.closeSync(fd);
  }
}

class ChunkedText {
  private pieces: string[] = [];
  private chars = 0;

  constructor(private readonly fd: number) {}

  public add(text: string): void {
    this.pieces.push(text);
    this.chars += text.length;
    if (this.chars >= CHUNK_CHARS) this.flush();
  }

  public flush(): void {
    const bytes = Buffer.from(this.pieces.join(''), 'utf8');
    this.pieces = [];
    this.chars = 0;
    for (let done = 0; done < bytes.length; ) done += fs.writeSync(this.fd, bytes, done, bytes.length - done);
  }
}

class StableJson {
  private readonly indents: string[] = [];
  // The objects being written, from the root down: one met again is a cycle, which JSON cannot hold.
  private readonly open = new Set<object>();

  constructor(private readonly out: ChunkedText) {}

  /**
   * Writes a value (after its `toJSON()`) as json-stable-stringify would at `level`, after `before` (a separator and key);
   * writes nothing, not even `before`, and returns false for a value with no JSON text (undefined, a function).
   */
  public write(value: unknown, level: number, before = ''): boolean {
    if (typeof value !== 'object' || value === null) {
      // Each leaf's text is made once: that it has one and what it is are the same call.
      const text = JSON.stringify(value) as string | undefined;
      if (text === undefined) return false;
      this.out.add(before + text);
      return true;
    }
    this.out.add(before);
    const inner = this.indent(level + 1);
    if (Array.isArray(value)) {
      this.out.add('[');
      for (let i = 0; i < value.length; i++) {
        const separator = i === 0 ? inner : `,${inner}`;
        // An item with no JSON text is `null`, as in JSON.stringify.
        if (!this.write(jsonValueOf(value[i]), level + 1, separator)) this.out.add(`${separator}null`);
      }
      this.out.add(`${this.indent(level)}]`);
      return true;
    }
    if (this.open.has(value)) throw new TypeError('Converting circular structure to JSON');
    this.open.add(value);
    this.out.add('{');
    let first = true;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record).sort()) {
      // Left out, with its key, when it has no JSON text.
      if (this.write(jsonValueOf(record[key]), level + 1, `${first ? inner : `,${inner}`}${JSON.stringify(key)}: `)) first = false;
    }
    this.out.add(`${this.indent(level)}}`);
    this.open.delete(value);
    return true;
  }

  private indent(level: number): string {
    return (this.indents[level] ??= `\n${'  '.repeat(level)}`);
  }
}

/** What JSON writes for a value: its `toJSON()` when it has one. */
function jsonValueOf(value: unknown): unknown {
  const withToJson = value as { toJSON?: unknown } | null | undefined;
  return withToJson && typeof withToJson.toJSON === 'function' ? (withToJson.toJSON as () => unknown)() : value;
}
