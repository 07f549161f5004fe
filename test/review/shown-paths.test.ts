import { MAX_PATH_SHOWN, shownPathPair } from '../../review/shown-paths';

describe('shownPathPair: two differing paths, readable side by side', () => {
  test('short paths are shown whole', () => {
    expect(shownPathPair('../../../acme-main/state/dev.tfstate', '../../../acme-pr/state/dev.tfstate')).toEqual(['../../../acme-main/state/dev.tfstate', '../../../acme-pr/state/dev.tfstate']);
  });

  test('long ones keep the segment where they differ and the file, then what fits between and above', () => {
    const a = `${'../'.repeat(8)}home/runner/work/okta-sso/okta-sso/main-checkout/platform/identity/okta/state/dev.tfstate`;
    const b = a.replace('main-checkout', 'pr-checkout');
    const [x, y] = shownPathPair(a, b);
    expect([x, y]).toEqual(['.../main-checkout/platform/identity/okta/state/dev.tfstate', '.../pr-checkout/platform/identity/okta/state/dev.tfstate']);
    expect(x.length).toBeLessThanOrEqual(MAX_PATH_SHOWN);
  });

  test('a differing segment far above the file: the segments between are left out first', () => {
    const tail = 'a-rather-long-directory-name/another-long-directory-name/config/state/dev.tfstate';
    expect(shownPathPair(`../../../base-root/${tail}`, `../../../head-root/${tail}`)).toEqual([
      '../../../base-root/.../config/state/dev.tfstate',
      '../../../head-root/.../config/state/dev.tfstate',
    ]);
  });

  test('a very long name is cut, and a secret-looking path is not shown', () => {
    const [x] = shownPathPair(`../../../${'d'.repeat(80)}/state/dev.tfstate`, '../../../e/state/dev.tfstate');
    expect(x).toBe(`../../../${'d'.repeat(21)}.../state/dev.tfstate`);
    expect(shownPathPair(`../../../ghp_${'A1b2C3d4'.repeat(5)}/state/dev.tfstate`, '../../../acme/state/dev.tfstate')[0]).toBe('(secret, not shown)');
  });
});
