// Measures what compressing the proxy's largest answer costs and saves, to choose the levels in
// server/compression.ts (the numbers are written there and in docs/compression.md).
//
//   npx tsx scripts/measure-compression.ts [--runs 1000] [--repeat 7] [--file body.json]
//
// The body is a runs/search page as MLflow writes it (pretty-printed, indent 2): by default
// 1,000 generated runs with 20 params, 20 metrics and 10 tags each; --file measures a saved answer
// instead. CPU time is the process's user + system time (all threads) around each compression,
// the median of --repeat rounds, per MB of input. The last rows stream the body through the
// proxy's own compressors in 64 KB chunks, as an upstream answer arrives, and check that it
// decodes to the same bytes; "first output" is how much input the compressor holds before it
// sends anything (brotli buffers up to its window).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { createCompressor, type ContentCoding } from '../server/compression.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '1000' }, repeat: { type: 'string', default: '7' }, file: { type: 'string' } },
});
const body = values.file ? readFileSync(values.file) : Buffer.from(runsSearchPage(Number(values.runs)));
const repeat = Math.max(1, Number(values.repeat));
const mb = body.length / 1e6;
const CHUNK = 64 * 1024;

interface Row {
  name: string;
  bytes: number;
  cpuMsPerMb: number;
  firstOutputAfter?: number | undefined;
}

interface Output {
  out: Buffer;
  firstOutputAfter?: number | undefined;
}

async function measure(name: string, compress: (input: Buffer) => Buffer | Promise<Output>): Promise<Row & Output> {
  const samples: number[] = [];
  let result: Output = { out: Buffer.alloc(0) };
  for (let i = 0; i < repeat; i++) {
    const before = process.cpuUsage();
    const out = await compress(body);
    const used = process.cpuUsage(before);
    result = Buffer.isBuffer(out) ? { out } : out;
    samples.push((used.user + used.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  return { name, ...result, bytes: result.out.length, cpuMsPerMb: (samples[Math.floor(samples.length / 2)] ?? NaN) / mb };
}

/** The body through the proxy's compressor, written as an upstream answer arrives. */
async function streamed(coding: ContentCoding, input: Buffer): Promise<Output> {
  const compressor = createCompressor(coding);
  const chunks: Buffer[] = [];
  let written = 0;
  let firstOutputAfter: number | undefined;
  compressor.on('data', (chunk: Buffer) => {
    firstOutputAfter ??= written;
    chunks.push(chunk);
  });
  const finished = new Promise((resolve, reject) => compressor.on('end', resolve).on('error', reject));
  for (let offset = 0; offset < input.length; offset += CHUNK) {
    written = Math.min(offset + CHUNK, input.length);
    if (!compressor.write(input.subarray(offset, offset + CHUNK))) await new Promise((resolve) => compressor.once('drain', resolve));
    // Lets the thread pool hand back what it has, as the gaps between network reads do.
    await new Promise((resolve) => setImmediate(resolve));
  }
  compressor.end();
  await finished;
  return { out: Buffer.concat(chunks), firstOutputAfter };
}

const brotli = (params: Record<number, number>) => (input: Buffer) => zlib.brotliCompressSync(input, { params });
const { BROTLI_PARAM_QUALITY: QUALITY, BROTLI_PARAM_LGWIN: LGWIN } = zlib.constants;
const rows: Row[] = [];
for (let quality = 1; quality <= 6; quality++) rows.push(await measure(`br ${quality}`, brotli({ [QUALITY]: quality })));
for (const lgwin of [16, 18, 20]) {
  for (const quality of [4, 5])
    rows.push(await measure(`br ${quality}, window 2^${lgwin}`, brotli({ [QUALITY]: quality, [LGWIN]: lgwin })));
}
for (let level = 1; level <= 6; level++) rows.push(await measure(`gzip ${level}`, (input) => zlib.gzipSync(input, { level })));
for (const coding of ['br', 'gzip'] as const) {
  const row = await measure(`proxy's ${coding}, streamed`, (input) => streamed(coding, input));
  const decoded = coding === 'br' ? zlib.brotliDecompressSync(row.out) : zlib.gunzipSync(row.out);
  if (!decoded.equals(body)) throw new Error(`the proxy's ${coding} output does not decode to the body`);
  rows.push(row);
}

console.log(`\n${values.file ?? `runs/search page of ${values.runs} runs`}: ${mb.toFixed(2)} MB, median of ${repeat} rounds\n`);
console.log('| coding | compressed | ratio | CPU ms per MB | CPU ms for this body | first output |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  const kb = `${(row.bytes / 1024).toFixed(0)} KB`;
  const ratio = `${(body.length / row.bytes).toFixed(1)}×`;
  const first = row.firstOutputAfter === undefined ? '' : `${(row.firstOutputAfter / 1024).toFixed(0)} KB in`;
  console.log(`| ${row.name} | ${kb} | ${ratio} | ${row.cpuMsPerMb.toFixed(1)} | ${(row.cpuMsPerMb * mb).toFixed(0)} | ${first} |`);
}
console.log();

/**
 * A runs/search answer like MLflow's: generated names, full-precision doubles, params and tags
 * that repeat across a sweep, a 32-hex id per run. Seeded, so every measurement sees the same body.
 */
function runsSearchPage(runCount: number): string {
  const random = mulberry32(7);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error('nothing to pick from');
    return item;
  };
  const hex = (length: number) => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
  const adjectives = ['bold', 'calm', 'dapper', 'eager', 'gentle', 'honest', 'likeable', 'nimble', 'silent', 'wistful'];
  const animals = ['ant', 'bass', 'crow', 'deer', 'fox', 'gull', 'hare', 'lynx', 'mole', 'owl', 'seal', 'wren'];
  const metricKeys = [
    'train_loss',
    'val_loss',
    'test_loss',
    'train_accuracy',
    'val_accuracy',
    'test_accuracy',
    'precision',
    'recall',
    'f1_score',
    'roc_auc',
    'pr_auc',
    'log_loss',
    'mae',
    'rmse',
    'r2',
    'learning_rate',
    'epoch_time_s',
    'gpu_memory_gb',
    'throughput_samples_s',
    'best_epoch',
  ];
  const params: [string, readonly string[]][] = [
    ['learning_rate', ['0.1', '0.03', '0.01', '0.003', '0.001', '0.0003']],
    ['batch_size', ['16', '32', '64', '128', '256']],
    ['optimizer', ['adam', 'adamw', 'sgd', 'rmsprop']],
    ['weight_decay', ['0.0', '1e-05', '0.0001', '0.001']],
    ['dropout', ['0.0', '0.1', '0.2', '0.3', '0.5']],
    ['epochs', ['10', '20', '50', '100']],
    ['model_name', ['resnet18', 'resnet50', 'efficientnet_b0', 'vit_small_patch16_224']],
    ['scheduler', ['cosine', 'step', 'none', 'onecycle']],
    ['warmup_steps', ['0', '100', '500', '1000']],
    ['seed', ['0', '1', '2', '3', '4', '42']],
    ['num_layers', ['2', '4', '6', '8', '12']],
    ['hidden_size', ['128', '256', '512', '768', '1024']],
    ['activation', ['relu', 'gelu', 'silu']],
    ['label_smoothing', ['0.0', '0.05', '0.1']],
    ['gradient_clip', ['None', '0.5', '1.0', '5.0']],
    ['augmentation', ['none', 'flip', 'flip+crop', 'randaugment']],
    ['image_size', ['128', '224', '256', '384']],
    ['dataset', ['cifar10', 'cifar100', 'imagenet-1k-subset']],
    ['precision', ['fp32', 'fp16', 'bf16']],
    ['early_stopping_patience', ['3', '5', '10']],
  ];
  const commit = hex(40);
  const experimentId = '4';
  const runs = [];
  const startBase = 1_733_140_000_000;
  for (let i = 0; i < runCount; i++) {
    const runId = hex(32);
    const start = startBase + i * 61_000 + Math.floor(random() * 1000);
    const end = start + 30_000 + Math.floor(random() * 600_000);
    const runName = `${pick(adjectives)}-${pick(animals)}-${Math.floor(random() * 1000)}`;
    const user = pick(['alice', 'bob', 'chen', 'dana']);
    const steps = Math.floor(random() * 100) + 1;
    runs.push({
      info: {
        run_uuid: runId,
        experiment_id: experimentId,
        run_name: runName,
        user_id: user,
        status: random() < 0.06 ? 'FAILED' : 'FINISHED',
        start_time: start,
        end_time: end,
        artifact_uri: `mlflow-artifacts:/${experimentId}/${runId}/artifacts`,
        lifecycle_stage: 'active',
        run_id: runId,
      },
      data: {
        metrics: metricKeys.map((key) => ({
          key,
          value: random() * (key.endsWith('_s') ? 1000 : 1),
          timestamp: end - Math.floor(random() * 5000),
          step: steps,
        })),
        params: params.map(([key, choices]) => ({ key, value: pick(choices) })),
        tags: [
          { key: 'mlflow.user', value: user },
          { key: 'mlflow.runName', value: runName },
          { key: 'mlflow.source.name', value: 'train.py' },
          { key: 'mlflow.source.type', value: 'LOCAL' },
          { key: 'mlflow.source.git.commit', value: commit },
          { key: 'mlflow.source.git.branch', value: pick(['main', 'feature/augment', 'exp/lr-sweep']) },
          { key: 'team', value: pick(['vision', 'platform']) },
          { key: 'dataset_version', value: `v${Math.floor(random() * 4) + 1}.${Math.floor(random() * 10)}` },
          { key: 'stage', value: pick(['sweep', 'baseline', 'candidate']) },
          { key: 'host', value: `gpu-node-${Math.floor(random() * 32)}` },
        ],
      },
      inputs: {},
      outputs: {},
    });
  }
  return JSON.stringify({ runs, next_page_token: Buffer.from(JSON.stringify({ offset: runCount })).toString('base64') }, null, 2);
}

/** A small seeded PRNG (public domain), so the body is the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
