/**
 * Whether a value is a Terraform token that cdktf resolves only at synth (a
 * reference to another resource, a variable, a function call): rules skip such
 * values instead of judging their placeholder text. Written without cdktf, so
 * that the config layer's checks do not load it; test/model/unresolved.test.ts
 * compares it with cdktf's own `Token.isUnresolved`.
 */
export type Unresolved = (value: unknown) => boolean;

/** cdktf's encodings: strings and lists embed `TfToken[...]`; numbers are doubles in a reserved range; objects resolve themselves. */
export const isUnresolved: Unresolved = (value) => {
  if (typeof value === 'string') return value.includes('${TfToken[') || value.includes('#{TfToken[');
  if (typeof value === 'number') return isTokenNumber(value);
  if (Array.isArray(value)) return value.length === 1 && isUnresolved(value[0]);
  return isTokenObject(value);
};

/** A cdktf token given as an object (IResolvable, e.g. a TerraformVariable's `.value`), which resolves itself at synth. */
export function isTokenObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { resolve?: unknown }).resolve === 'function';
}

/**
 * cdktf's placeholder for a token inside a string (`${TfToken[TOKEN.12]}`; `#{...}` in a list), as one captured
 * group: `split` keeps each placeholder at an odd index.
 */
export const TOKEN_PLACEHOLDER = /([$#]\{TfToken\[[^\]]*\]\})/;

/** For values that are known to be plain (config files hold no tokens). */
export const neverUnresolved: Unresolved = () => false;

/** A number token is a double whose top 16 bits are cdktf's marker (0xFDFF, or 0xFBFF in a number list). */
function isTokenNumber(value: number): boolean {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value, true);
  const top = view.getUint16(6, true);
  return top === 0xfdff || top === 0xfbff;
}
