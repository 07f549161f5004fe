import { Annotations } from 'cdktf';
import { IConstruct } from 'constructs';

/** Adds `text` as a warning on `scope` unless `warned` (the construct's own set) already holds it: a validation that runs again says nothing twice. */
export function warnOnce(scope: IConstruct, warned: Set<string>, text: string): void {
  if (warned.has(text)) return;
  warned.add(text);
  Annotations.of(scope).addWarning(text);
}
