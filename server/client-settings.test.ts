import { describe, expect, it } from 'vitest';
import { parseIni, resolveDatabricks, resolveTls } from './client-settings.ts';
import { OptionsError } from './options-error.ts';

const files =
  (contents: Record<string, string>) =>
  (file: string): string => {
    const text = contents[file];
    if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return text;
  };

const CFG = `
; a comment
[DEFAULT]
host = adb-1.azuredatabricks.net
token = dapi-default

[staging]
host=https://staging.cloud.databricks.com
token = dapi-staging
[basic]
host = https://basic.example
username = ann
password = secret
`;

describe('resolveDatabricks', () => {
  it('leaves other tracking URIs alone', () => {
    expect(resolveDatabricks('http://127.0.0.1:5000', {})).toBeUndefined();
    expect(resolveDatabricks('databricks-like.example', {})).toBeUndefined();
  });

  it('takes DATABRICKS_HOST and DATABRICKS_TOKEN first, adding https:// to a bare host', () => {
    expect(resolveDatabricks('databricks', { DATABRICKS_HOST: 'adb-9.azuredatabricks.net', DATABRICKS_TOKEN: 't' })).toEqual({
      host: 'https://adb-9.azuredatabricks.net',
      auth: { kind: 'bearer', token: 't' },
    });
  });

  it('reads the DEFAULT profile, or the one the URI names, from ~/.databrickscfg', () => {
    const read = files({ '/home/u/.databrickscfg': CFG });
    expect(resolveDatabricks('databricks', { HOME: '/home/u' }, read)).toEqual({
      host: 'https://adb-1.azuredatabricks.net',
      auth: { kind: 'bearer', token: 'dapi-default' },
    });
    expect(resolveDatabricks('databricks://staging', { HOME: '/home/u' }, read)).toMatchObject({
      host: 'https://staging.cloud.databricks.com',
    });
    expect(resolveDatabricks('databricks://basic:prefix', { HOME: '/home/u' }, read)).toMatchObject({
      auth: { kind: 'basic', username: 'ann', password: 'secret' },
    });
  });

  it('reads DATABRICKS_CONFIG_FILE instead when set', () => {
    const read = files({ '/etc/db.cfg': CFG });
    expect(resolveDatabricks('databricks://staging', { DATABRICKS_CONFIG_FILE: '/etc/db.cfg' }, read)).toMatchObject({
      auth: { token: 'dapi-staging' },
    });
  });

  it('says what is missing: no file, no profile, no token', () => {
    expect(() => resolveDatabricks('databricks', { HOME: '/nowhere' }, files({}))).toThrow(/DATABRICKS_HOST and DATABRICKS_TOKEN/);
    expect(() => resolveDatabricks('databricks://prod', { HOME: '/h' }, files({ '/h/.databrickscfg': CFG }))).toThrow(
      /no profile \[prod\]/,
    );
    expect(() => resolveDatabricks('databricks', { DATABRICKS_HOST: 'h.example' })).toThrow(OptionsError);
  });
});

describe('resolveTls', () => {
  it('verifies certificates by default, against a CA bundle when one is named', () => {
    expect(resolveTls({})).toEqual({ rejectUnauthorized: true });
    expect(resolveTls({ MLFLOW_TRACKING_SERVER_CERT_PATH: '/ca.pem' }, files({ '/ca.pem': 'PEM' }))).toEqual({
      ca: 'PEM',
      rejectUnauthorized: true,
    });
  });

  it('skips verification only when asked, and refuses both settings at once as the mlflow client does', () => {
    expect(resolveTls({ MLFLOW_TRACKING_INSECURE_TLS: 'true' })).toEqual({ rejectUnauthorized: false });
    expect(resolveTls({ MLFLOW_TRACKING_INSECURE_TLS: 'false' })).toEqual({ rejectUnauthorized: true });
    expect(() => resolveTls({ MLFLOW_TRACKING_INSECURE_TLS: 'true', MLFLOW_TRACKING_SERVER_CERT_PATH: '/ca.pem' })).toThrow(/cannot both/);
    expect(() => resolveTls({ MLFLOW_TRACKING_SERVER_CERT_PATH: '/missing.pem' }, files({}))).toThrow(/cannot be read/);
  });
});

describe('parseIni', () => {
  it('reads sections and keys, lower-casing keys and trimming values', () => {
    expect(parseIni('[A]\nHost = x \n# c\nk=v=w').get('A')).toEqual(
      new Map([
        ['host', 'x'],
        ['k', 'v=w'],
      ]),
    );
  });
});
