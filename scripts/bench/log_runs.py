"""Logs one benchmark dataset's runs with the real mlflow client, straight into the SQLite store.

Usage: log_runs.py <sqlite-uri> <experiment-id> '<dataset json>'   (see datasets.ts)

Why not REST: `mlflow server` manages about 65 requests/s on two cores, so 100,000 runs (three
requests each) took over an hour. The same client the seeds use, talking to the store in-process,
does about 100 runs/s; the server that is measured then reads what it wrote. The runs are the
ones datasets.ts describes, value for value.
"""

import json
import math
import sys
import time

from mlflow.entities import Metric, Param, RunTag
from mlflow.tracking import MlflowClient

MAX_METRICS_PER_BATCH = 1000


def main() -> None:
    uri, experiment_id, spec = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    client = MlflowClient(tracking_uri=uri)
    runs, nest = spec["runs"], spec.get("nestEvery")
    t0 = int(time.time() * 1000) - runs * 1000
    parents: dict[int, str] = {}
    started = time.time()
    for i in range(runs):
        start_time = t0 + i * 1000
        tags = {"mlflow.user": f"user{i % 7}"}
        parent_index = i - (i % nest) if nest and i % nest != 0 else None
        if parent_index is not None and parent_index in parents:
            tags["mlflow.parentRunId"] = parents[parent_index]
        run = client.create_run(experiment_id, run_name=f"run-{i:06d}", start_time=start_time, tags=tags)
        run_id = run.info.run_id
        if nest and i % nest == 0:
            parents[i] = run_id
        metrics = [Metric(f"metric_{m:04d}", math.sin(i * 0.01 + m) * 10 + m, start_time + 500, 0) for m in range(spec["metrics"])]
        params = [Param(f"param_{p}", str((i * (p + 3)) % 97)) for p in range(spec["params"])]
        user_tags = [RunTag(f"tag_{t}", f"value-{(i + t) % 13}") for t in range(spec["tags"])]
        client.log_batch(run_id, metrics=metrics[:MAX_METRICS_PER_BATCH], params=params, tags=user_tags)
        for offset in range(MAX_METRICS_PER_BATCH, len(metrics), MAX_METRICS_PER_BATCH):
            client.log_batch(run_id, metrics=metrics[offset : offset + MAX_METRICS_PER_BATCH])
        client.set_terminated(run_id, "FAILED" if i % 17 == 0 else "FINISHED", end_time=start_time + 900)
        done = i + 1
        if done % 1000 == 0 or done == runs:
            print(f"  {spec['name']}: {done:,} of {runs:,} runs ({time.time() - started:.0f} s)", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
