// The mlflow client's settings that go beyond a URL and a user, read the way the client reads
// them, so a machine set up for `mlflow` works with Runlens unchanged:
// - MLFLOW_TRACKING_URI=databricks (or databricks://<profile>): the workspace host and token
//   from DATABRICKS_HOST / DATABRICKS_TOKEN, else from a profile of ~/.databrickscfg
//   (DATABRICKS_CONFIG_FILE names another file), as the Databricks SDK and CLI keep them;
// - MLFLOW_TRACKING_SERVER_CERT_PATH: a CA bundle to trust for the tracking server's TLS;
// - MLFLOW_TRACKING_INSECURE_TLS=true: no TLS verification (the client refuses both at once).
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OptionsError } from './options-error.ts';
import type { UpstreamAuth } from './options.ts';

type Env = Record<string, string | undefined>;
type ReadFile = (file: string) => string;

export interface TlsSettings {
  /** Certificates to trust besides the system's (MLFLOW_TRACKING_SERVER_CERT_PATH). */
  ca?: string;
  rejectUnauthorized: boolean;
}

export interface DatabricksTarget {
  host: string;
  auth: UpstreamAuth;
}

const readText: ReadFile = (file) => readFileSync(file, 'utf8');

/** The sections of an INI file: `[name]` headers, `key = value` lines, `#`/`;` comments. */
export function parseIni(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line)?.[1];
    if (header !== undefined) {
      current = new Map();
      sections.set(header.trim(), current);
      continue;
    }
    const eq = line.indexOf('=');
    if (current && eq > 0) current.set(line.slice(0, eq).trim().toLowerCase(), line.slice(eq + 1).trim());
  }
  return sections;
}

const withScheme = (host: string) => (/^https?:\/\//i.test(host) ? host : `https://${host}`);

function authFrom(token: string | undefined, username: string | undefined, password: string | undefined, where: string): UpstreamAuth {
  if (token) return { kind: 'bearer', token };
  if (username) return { kind: 'basic', username, password: password ?? '' };
  throw new OptionsError(`${where} has a host but no token (or username and password) to sign in with`);
}

/** The workspace a `databricks` tracking URI means, or undefined for any other URI. */
export function resolveDatabricks(rawUri: string, env: Env, readFile: ReadFile = readText): DatabricksTarget | undefined {
  const match = /^databricks(?::\/\/([^:/]*))?(?::.*)?$/.exec(rawUri);
  if (!match) return undefined;
  const profile = match[1] || undefined;
  if (!profile && env.DATABRICKS_HOST) {
    return {
      host: withScheme(env.DATABRICKS_HOST),
      auth: authFrom(env.DATABRICKS_TOKEN, env.DATABRICKS_USERNAME, env.DATABRICKS_PASSWORD, 'DATABRICKS_HOST'),
    };
  }
  const file = env.DATABRICKS_CONFIG_FILE ?? path.join(env.HOME ?? os.homedir(), '.databrickscfg');
  let text: string;
  try {
    text = readFile(file);
  } catch {
    throw new OptionsError(
      `MLFLOW_TRACKING_URI=${rawUri} needs DATABRICKS_HOST and DATABRICKS_TOKEN, or a profile in ${file} (it cannot be read)`,
    );
  }
  const name = profile ?? 'DEFAULT';
  const section = parseIni(text).get(name);
  const host = section?.get('host');
  if (!section || !host) throw new OptionsError(`${file} has no profile [${name}] with a host`);
  return {
    host: withScheme(host),
    auth: authFrom(section.get('token'), section.get('username'), section.get('password'), `profile [${name}] of ${file}`),
  };
}

export function resolveTls(env: Env, readFile: ReadFile = readText): TlsSettings {
  const insecure = (env.MLFLOW_TRACKING_INSECURE_TLS ?? '').toLowerCase() === 'true';
  const certPath = env.MLFLOW_TRACKING_SERVER_CERT_PATH || undefined;
  if (insecure && certPath) {
    throw new OptionsError(
      'MLFLOW_TRACKING_INSECURE_TLS=true and MLFLOW_TRACKING_SERVER_CERT_PATH cannot both be set (as in the mlflow client)',
    );
  }
  if (insecure) return { rejectUnauthorized: false };
  if (!certPath) return { rejectUnauthorized: true };
  try {
    return { ca: readFile(certPath), rejectUnauthorized: true };
  } catch {
    throw new OptionsError(`MLFLOW_TRACKING_SERVER_CERT_PATH names ${certPath}, which cannot be read`);
  }
}
