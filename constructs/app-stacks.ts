import { App, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * Every TerraformStack of `scope`'s app, also those nested under a plain construct (cdktf synthesizes each), in
 * tree order. A stack's own children are not walked: they are no stacks, and a large stack holds 100,000 of them.
 */
export function stacksOfApp(scope: IConstruct): TerraformStack[] {
  const stacks: TerraformStack[] = [];
  const visit = (node: IConstruct) => {
    for (const child of node.node.children) {
      if (child instanceof TerraformStack) stacks.push(child);
      else visit(child);
    }
  };
  visit(App.of(scope));
  return stacks;
}
