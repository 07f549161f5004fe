/** The config dir: --config, else OKTA_SSO_CONFIG, else the example organisation. */
export function configDirOf(option: string | undefined): string {
  return option ?? process.env.OKTA_SSO_CONFIG ?? 'examples/acme';
}

export const CONFIG_OPTION_HELP = 'config directory (default: $OKTA_SSO_CONFIG, else examples/acme)';
