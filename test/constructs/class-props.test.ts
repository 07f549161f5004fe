import { AivenSso, AivenSsoProps, GenericSamlSso, SecretRef } from '../../index';
import { errorLine, synthError, synthStack } from './sp/synth-stack';

/** Props given as instances of the user's own classes (`implements AivenSsoProps`, or JavaScript): read as their fields. */

const AIVEN = { accountId: 'a0b8e61f3c92', methodId: 'am0b8e61f3c93', groups: ['Everyone'] } as const;

class AivenProps implements AivenSsoProps {
  public readonly accountId: string = AIVEN.accountId;
  public readonly methodId: string = AIVEN.methodId;
  public readonly groups = [...AIVEN.groups];
  public readonly provisioning = new Scim();
}

class Scim {
  public readonly method = 'scim' as const;
  public readonly token = SecretRef.fromEnv('AIVEN_SCIM_TOKEN');
}

test('a class instance as props synthesizes what the same props as an object literal do', () => {
  const fromClass = synthStack((stack) => new AivenSso(stack, 'aiven', new AivenProps()));
  const fromLiteral = synthStack((stack) => new AivenSso(stack, 'aiven', { ...AIVEN, provisioning: { method: 'scim', token: SecretRef.fromEnv('AIVEN_SCIM_TOKEN') } }));
  expect(fromClass.error).toBeUndefined();
  expect(fromClass.json).toEqual(fromLiteral.json);
});

test("a class instance inside props is checked as a literal is: SHA-1 signing there fails SSO-002 at its prop", () => {
  class Signing {
    public readonly algorithm = 'RSA_SHA1' as const;
  }
  const error = synthError(
    (stack) => new GenericSamlSso(stack, 'wiki', { acsUrl: 'https://wiki.example.com/saml/acs', audience: 'https://wiki.example.com', groups: ['Everyone'], signing: new Signing() }),
  );
  expect(errorLine(error, 'signing.algorithm')).toContain('SSO-002');
  expect(error).not.toContain('responseSigned and assertionSigned are both false');
});

test('the exported validator reads a class instance as the construct does', () => {
  const { validateAivenSsoProps } = require('../../index') as typeof import('../../index');
  expect(validateAivenSsoProps(new AivenProps())).toEqual([]);
  class Wrong extends AivenProps {
    public readonly methodId = '';
  }
  expect(validateAivenSsoProps(new Wrong()).map((p) => p.field)).toContain('methodId');
});

test("a class's getters are read as its fields: SHA-1 signing from a getter fails SSO-002, required values from getters are there", () => {
  class Wiki {
    public get acsUrl(): string {
      return 'https://wiki.example.com/saml/acs';
    }
    public get audience(): string {
      return 'https://wiki.example.com';
    }
    public readonly groups = ['Everyone'];
    public get signing() {
      return { algorithm: 'RSA_SHA1' as const };
    }
  }
  const error = synthError((stack) => new GenericSamlSso(stack, 'wiki', new Wiki()));
  expect(errorLine(error, 'signing.algorithm')).toContain('SSO-002');
  expect(error).not.toContain('acsUrl');
});

test("JavaScript's own objects where a map goes, and props that hold themselves, are one problem each at their prop, never a crash", () => {
  const signing = new Map([['algorithm', 'RSA_SHA1']]);
  const error = synthError((stack) => new GenericSamlSso(stack, 'wiki', { acsUrl: 'https://wiki.example.com/saml/acs', audience: 'https://wiki.example.com', groups: ['Everyone'], signing } as any));
  expect(errorLine(error, 'signing')).toContain('accepted: a map');

  const looped: any = { acsUrl: 'https://wiki.example.com/saml/acs', audience: 'https://wiki.example.com', groups: ['Everyone'], signing: {} };
  looped.signing.algorithm = looped;
  const circular = synthError((stack) => new GenericSamlSso(stack, 'wiki', looped));
  expect(errorLine(circular, 'signing.algorithm')).toContain('a reference to an object that holds it (circular)');
});

test('one object used at two places of the props is read at both, not taken for a loop', () => {
  const group = 'Everyone';
  const shared = [group];
  const { error } = synthStack((stack) => new GenericSamlSso(stack, 'wiki', { acsUrl: 'https://wiki.example.com/saml/acs', audience: 'https://wiki.example.com', groups: shared, provisioning: { method: 'scim', pushGroups: [{ group }] } } as any));
  expect(error ?? '').not.toContain('circular');
});
