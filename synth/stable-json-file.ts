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
    const json = jsonValueOf(value);
    if (!hasJsonText(json)) throw new TypeError(`nothing to write to ${file}: the value has no JSON text`);
    text.write(json, 0);
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

  /** Writes a value (after its `toJSON()`, and one with JSON text) as json-stable-stringify would at `level`. */
  public write(value: unknown, level: number): void {
    if (typeof value !== 'object' || value === null) {
      this.out.add(JSON.stringify(value));
      return;
    }
    const inner = this.indent(level + 1);
    if (Array.isArray(value)) {
      this.out.add('[');
      for (let i = 0; i < value.length; i++) {
        this.out.add(i === 0 ? inner : `,${inner}`);
        const item = jsonValueOf(value[i]);
        // An item with no JSON text is `null`, as in JSON.stringify.
        if (hasJsonText(item)) this.write(item, level + 1);
        else this.out.add('null');
      }
      this.out.add(`${this.indent(level)}]`);
      return;
    }
    if (this.open.has(value)) throw new TypeError('Converting circular structure to JSON');
    this.open.add(value);
    this.out.add('{');
    let first = true;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record).sort()) {
      const field = jsonValueOf(record[key]);
      // Left out, with its key, when it has no JSON text (undefined, a function).
      if (!hasJsonText(field)) continue;
      this.out.add(`${first ? inner : `,${inner}`}${JSON.stringify(key)}: `);
      first = false;
      this.write(field, level + 1);
    }
    this.out.add(`${this.indent(level)}}`);
    this.open.delete(value);
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

function hasJsonText(value: unknown): boolean {
  return (typeof value === 'object' && value !== null) || JSON.stringify(value) !== undefined;
}
