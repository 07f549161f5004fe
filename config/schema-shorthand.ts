type Schema = Record<string, any>;

/** The longest value written back in a hint: a longer one is not a shorthand anyone meant. */
const MAX_HINTED_VALUE = 100;

/**
 * The map a bare string written where a map goes most likely stands for, as it would be written:
 * `username: login` meant `username: { format: login }` (a value one of the map's fields accepts),
 * `catalogApp: zscalerbyz` meant `catalogApp: { key: zscalerbyz }` (the map's one required field, or the
 * field its schema names with SHORTHAND),
 * `username: ${source.login}` meant `username: { format: custom, template: ... }`. Other required
 * fields of the map are named with `...` as their value. Undefined when no field stands out.
 */
export function shorthandHint(field: string, value: string, schema: Schema | undefined, root: Schema): string | undefined {
  const s = resolve(schema, root);
  if (!s || value.length > MAX_HINTED_VALUE || /[\r\n]/.test(value)) return undefined;
  const props: Record<string, Schema> = s.properties ?? {};
  const required: string[] = Array.isArray(s.required) ? s.required : [];
  const entries = bestEntries(value, props, required, root, s);
  if (!entries) return undefined;
  for (const name of required) if (!entries.some(([k]) => k === name)) entries.push([name, '...']);
  return `${field}: { ${entries.map(([k, v]) => `${k}: ${v}`).join(', ')} }`;
}

/** The schema keyword naming the field a map's shorthand stands for, where the map requires no field (an annotation: it validates nothing). */
export const SHORTHAND = 'x-shorthand';

function bestEntries(value: string, props: Record<string, Schema>, required: readonly string[], root: Schema, s: Schema): Array<[string, string]> | undefined {
  const shown = scalar(value);
  const byEnum = Object.entries(props).filter(([, p]) => (resolve(p, root)?.enum ?? []).includes(value));
  if (byEnum.length === 1) return [[byEnum[0][0], shown]];
  // An Okta expression goes in a template; where a format chooses it, that format is `custom`.
  if (value.includes('${') && props.template) {
    const custom = (resolve(props.format, root)?.enum ?? []).includes('custom');
    return custom ? [['format', 'custom'], ['template', shown]] : [['template', shown]];
  }
  // The map's one required field, or the one its schema names as its shorthand's (a map that merges key by key requires nothing in one file).
  const only: unknown = s[SHORTHAND] ?? (required.length === 1 ? required[0] : undefined);
  const onlySchema = typeof only === 'string' ? resolve(props[only], root) : undefined;
  if (onlySchema?.type === 'string' && (typeof onlySchema.pattern !== 'string' || new RegExp(onlySchema.pattern, 'u').test(value))) return [[only as string, shown]];
  return undefined;
}

/** A schema with its `$ref` to the config schema's own definitions followed. */
export function resolve(s: Schema | undefined, root: Schema): Schema | undefined {
  if (s && typeof s.$ref === 'string' && s.$ref.startsWith('#/$defs/') && !s.properties && !s.enum && !s.type) return resolve(root.$defs?.[s.$ref.slice('#/$defs/'.length)], root);
  return s;
}

/** A value as it can be written in a YAML flow map: bare when plain, else double-quoted. */
function scalar(value: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.@/+-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value) ? value : JSON.stringify(value);
}
