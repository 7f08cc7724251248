// A token-guarded gateway shaped like Databricks, in front of a real MLflow: nginx (Debian's)
// over TLS with a self-signed certificate made here, passing only /api/2.0/mlflow/* and
// /api/2.0/mlflow-artifacts/* to MLflow when the request carries the Bearer token, and 404 for
// everything else (no /version, /get-artifact, /ajax-api or /health), as a workspace serves.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, run, startService } from './processes.ts';

export interface Gateway {
  url: string;
  /** The self-signed certificate, to be trusted with MLFLOW_TRACKING_SERVER_CERT_PATH. */
  certFile: string;
  stop(): Promise<void>;
}

export async function startGateway(upstreamUrl: string, token: string, dir: string): Promise<Gateway> {
  mkdirSync(path.join(dir, 'tmp'), { recursive: true });
  const certFile = path.join(dir, 'gateway-cert.pem');
  const keyFile = path.join(dir, 'gateway-key.pem');
  await run(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ].concat(['-keyout', keyFile, '-out', certFile]),
    { quiet: true },
  );
  const port = await freePort();
  const upstream = new URL(upstreamUrl);
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, 'tmp', name)};`;
  const config = `
# Made by e2e/harness/gateway.ts for one test run.
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'nginx-error.log')};
events { worker_connections 64; }
http {
  access_log ${path.join(dir, 'nginx-access.log')};
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  server {
    listen 127.0.0.1:${port} ssl;
    ssl_certificate ${certFile};
    ssl_certificate_key ${keyFile};
    location ~ ^/api/2\\.0/(mlflow|mlflow-artifacts)/ {
      default_type application/json;
      if ($http_authorization != "Bearer ${token}") {
        return 401 '{"error_code":"UNAUTHENTICATED","message":"Credential was not sent or was of an unsupported type for this API."}';
      }
      proxy_set_header Authorization "";
      proxy_set_header Host ${upstream.host};
      proxy_pass http://${upstream.host};
    }
    location / {
      return 404;
    }
  }
}
`;
  const configFile = path.join(dir, 'nginx.conf');
  writeFileSync(configFile, config);
  const url = `https://127.0.0.1:${port}`;
  const stop = await startService('nginx', 'nginx', ['-c', configFile, '-p', dir, '-g', 'daemon off;'], {
    logFile: path.join(dir, 'nginx-output.log'),
    moreLogs: [path.join(dir, 'nginx-error.log')],
    // Any connection means nginx listens (it answers / with a 404 over TLS).
    ready: () => reachable(port),
    timeoutMs: 30_000,
  });
  return { url, certFile, stop };
}

async function reachable(port: number): Promise<boolean> {
  const { connect } = await import('node:net');
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}
