// Signed embed links against the real server, framed by a real portal on another loopback
// origin: `runlens sign` mints a link for one experiment; the proxy lets requests under it read
// that experiment only, and refuses (403) the same link edited to name another experiment, or
// past its expiry, while the frame says why.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { signScope } from '../server/embed/embed-scope.ts';
import { expect, test } from './fixtures.ts';
import type { Manifest } from './harness/populate.ts';
import { startPortal, type Portal } from './harness/portal.ts';
import { REPO_ROOT } from './harness/python-env.ts';
import { startRunlens, type RunlensServer } from './harness/runlens-server.ts';

const SECRET = 'e2e-embed-secret-0123456789abcdefghijklmnop';

const experimentId = (manifest: Manifest, name: string) => Object.values(manifest).find((s) => s.experiment_name === name)!.experiment_id;

/** `runlens sign`, as an operator runs it, with the secret from the environment. */
async function sign(runlens: RunlensServer, view: string, experiments: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [path.join(REPO_ROOT, 'bin/runlens.js'), 'sign', view, '--experiments', experiments, '--url', runlens.url],
    {
      env: { ...process.env, RUNLENS_EMBED_SECRET: SECRET },
    },
  );
  return stdout.trim();
}

/** The link's scope, decoded, edited and encoded again, with its signature left as it was. */
function tamper(link: string, edit: (scope: { experiments: string[] }) => void): string {
  const url = new URL(link);
  const scope = JSON.parse(Buffer.from(url.searchParams.get('scope')!, 'base64url').toString('utf8')) as { experiments: string[] };
  edit(scope);
  url.searchParams.set('scope', Buffer.from(JSON.stringify(scope)).toString('base64url'));
  return url.toString();
}

/** An API request as the framed page sends it under the link (src/api/client.ts buildUrl). */
async function apiUnder(
  runlens: RunlensServer,
  link: string,
  apiPath: string,
): Promise<{ status: number; body: { error_code?: string; message?: string } }> {
  const params = new URL(link).searchParams;
  const url = new URL(`${runlens.url}/mlflow/api/2.0/mlflow/${apiPath}`);
  url.searchParams.set('runlens_scope', params.get('scope')!);
  url.searchParams.set('runlens_sig', params.get('sig')!);
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as { error_code?: string; message?: string } };
}

test.describe('signed embed links, runlens serve --embed-secret', () => {
  let portal: Portal;
  let runlens: RunlensServer;

  test.beforeAll(async ({ mlflowUrl }) => {
    portal = await startPortal();
    runlens = await startRunlens(mlflowUrl, { args: ['--frame-ancestors', portal.origin], env: { RUNLENS_EMBED_SECRET: SECRET } });
  });
  test.afterAll(async () => {
    await runlens?.stop();
    await portal?.close();
  });

  test('a link for one experiment shows it in the portal’s frame, and reads nothing else', async ({ page, manifest }) => {
    const quickstart = experimentId(manifest, 'quickstart');
    const other = experimentId(manifest, 'compare_max_depth');
    const link = await sign(runlens, `/experiments/${quickstart}`, quickstart);
    const apiRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/mlflow/')) apiRequests.push(request.url());
    });
    portal.frame(link);
    await page.goto(portal.origin);
    const frame = page.frameLocator('#runlens');
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText('quickstart');
    await expect(frame.getByRole('region', { name: 'Runs', exact: true }).getByRole('link', { name: 'quickstart' }).first()).toBeVisible();
    await expect(frame.getByRole('alert')).toHaveCount(0);
    // Every request the framed page made carried the link's signature.
    expect(apiRequests.length).toBeGreaterThan(0);
    for (const url of apiRequests) expect(new URL(url).searchParams.get('runlens_sig'), url).toBe(new URL(link).searchParams.get('sig'));
    // A click inside the frame keeps the link: the run page under it loads too.
    await frame.getByRole('region', { name: 'Runs', exact: true }).getByRole('link', { name: 'quickstart' }).first().click();
    await expect(frame.getByRole('region', { name: 'Parameters', exact: true }).getByRole('row', { name: /param1/ })).toBeVisible();
    await expect(frame.getByRole('alert')).toHaveCount(0);

    // The same credential, asked for another experiment: the proxy refuses it.
    const refused = await apiUnder(runlens, link, `experiments/get?experiment_id=${other}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error_code).toBe('RUNLENS_EMBED_REFUSED');
    expect(refused.body.message).toContain(`cannot read experiment ${other}`);
    // And the experiment list under it holds the named experiment alone.
    const list = await fetch(
      `${runlens.url}/mlflow/api/2.0/mlflow/experiments/search?max_results=100&runlens_scope=${new URL(link).searchParams.get('scope')}&runlens_sig=${new URL(link).searchParams.get('sig')}`,
    );
    const names = ((await list.json()) as { experiments: { experiment_id: string }[] }).experiments.map((e) => e.experiment_id);
    expect(names).toEqual([quickstart]);
  });

  test('a link to a comparison of two named runs shows them, and no other run of their experiment', async ({ page, manifest }) => {
    const sweep = Object.values(manifest).find((s) => s.experiment_name === 'compare_max_depth')!;
    const runs = sweep.runs as Record<string, string>;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        path.join(REPO_ROOT, 'bin/runlens.js'),
        'sign',
        `/compare?runs=${runs.max_depth_2},${runs.max_depth_8}`,
        '--experiments',
        sweep.experiment_id,
        '--runs',
        `${runs.max_depth_2},${runs.max_depth_8}`,
        '--url',
        runlens.url,
      ],
      { env: { ...process.env, RUNLENS_EMBED_SECRET: SECRET } },
    );
    const link = stdout.trim();
    portal.frame(link);
    await page.goto(portal.origin);
    const frame = page.frameLocator('#runlens');
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Comparing 2 runs');
    await expect(frame.getByRole('list', { name: 'Compared runs' }).getByRole('link')).toHaveText(['max_depth=2', 'max_depth=8']);
    await expect(frame.getByRole('alert')).toHaveCount(0);

    const other = Object.entries(runs).find(
      ([name]) => name !== 'max_depth_2' && name !== 'max_depth_8' && name.startsWith('max_depth_'),
    )![1];
    const refused = await apiUnder(runlens, link, `runs/get?run_id=${other}`);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain(`cannot read run ${other}`);
  });

  test('the Embed dialog’s scoped command, run as written, prints a link the portal’s frame shows', async ({ page, manifest }) => {
    const quickstart = experimentId(manifest, 'quickstart');
    await page.goto(`${runlens.url}/experiments/${quickstart}`);
    await page.getByRole('button', { name: 'Embed' }).click();
    const dialog = page.getByRole('dialog', { name: 'Embed this view' });
    await expect(dialog.getByRole('textbox', { name: 'Embed snippet' })).toHaveValue(
      new RegExp(`src="${runlens.url}/experiments/${quickstart}\\?embed=true"`),
    );
    const command = await dialog.getByRole('textbox', { name: 'Scoped link command' }).inputValue();
    expect(command).toMatch(/^runlens sign '/);
    // As an operator pastes it into a shell, with `runlens` being this checkout's.
    const { stdout } = await promisify(execFile)(
      'sh',
      ['-c', command.replace(/^runlens /, `"${process.execPath}" "${path.join(REPO_ROOT, 'bin/runlens.js')}" `)],
      {
        env: { ...process.env, RUNLENS_EMBED_SECRET: SECRET },
      },
    );
    const link = stdout.trim();
    expect(new URL(link).searchParams.get('sig')).toMatch(/^[\w-]{43}$/);
    portal.frame(link);
    await page.goto(portal.origin);
    await expect(page.frameLocator('#runlens').getByRole('heading', { level: 1 })).toHaveText('quickstart');
    await expect(page.frameLocator('#runlens').getByRole('alert')).toHaveCount(0);
  });

  test('the link edited to name another experiment is refused (403), and the frame says why', async ({ page, manifest }) => {
    const quickstart = experimentId(manifest, 'quickstart');
    const other = experimentId(manifest, 'compare_max_depth');
    const link = await sign(runlens, `/experiments/${quickstart}`, quickstart);
    const edited = tamper(link.replace(`/experiments/${quickstart}`, `/experiments/${other}`), (scope) => (scope.experiments = [other]));

    const refused = await apiUnder(runlens, edited, `experiments/get?experiment_id=${other}`);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('signature does not match');

    portal.frame(edited);
    await page.goto(portal.origin);
    const alert = page.frameLocator('#runlens').getByRole('alert').first();
    await expect(alert.getByRole('heading')).toHaveText('This embed link does not allow it');
    await expect(alert).toContainText('signature does not match');
    await expect(page.frameLocator('#runlens').getByRole('link', { name: 'max_depth=2' })).toHaveCount(0);
  });

  test('a link past its expiry is refused (403), and the frame says it expired', async ({ page, manifest }) => {
    const quickstart = experimentId(manifest, 'quickstart');
    // `runlens sign` refuses a past expiry; a link signed earlier that has since expired.
    const expires = Date.now() - 60_000;
    const signed = signScope({ experiments: [quickstart], runs: [], expires }, SECRET);
    const link = `${runlens.url}/experiments/${quickstart}?embed=true&scope=${signed.scope}&sig=${signed.sig}`;

    const refused = await apiUnder(runlens, link, `experiments/get?experiment_id=${quickstart}`);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain(`expired on ${new Date(expires).toISOString()}`);

    portal.frame(link);
    await page.goto(portal.origin);
    const alert = page.frameLocator('#runlens').getByRole('alert').first();
    await expect(alert.getByRole('heading')).toHaveText('This embed link does not allow it');
    await expect(alert).toContainText('expired');
  });
});

test('with --require-signed-embeds another site’s frame shows only signed links', async ({ page, manifest, mlflowUrl }) => {
  const portal = await startPortal();
  const runlens = await startRunlens(mlflowUrl, {
    args: ['--frame-ancestors', portal.origin, '--require-signed-embeds'],
    env: { RUNLENS_EMBED_SECRET: SECRET },
  });
  try {
    const quickstart = experimentId(manifest, 'quickstart');
    portal.frame(`${runlens.url}/experiments/${quickstart}?embed=true`);
    await page.goto(portal.origin);
    await expect(page.frameLocator('#runlens').locator('body')).toContainText('Runlens shows only signed embed links');

    portal.frame(await sign(runlens, `/experiments/${quickstart}`, quickstart));
    await page.goto(portal.origin);
    await expect(page.frameLocator('#runlens').getByRole('heading', { level: 1 })).toHaveText('quickstart');

    // The same page opened directly, not framed, is served as always.
    await page.goto(`${runlens.url}/experiments/${quickstart}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('quickstart');
  } finally {
    await runlens.stop();
    await portal.close();
  }
});
