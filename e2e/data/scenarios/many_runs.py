"""More runs than Runlens's first runs/search page (50), so the run table's paging, its
"N of …" progress and sorting across pages are tested against the real server. A sweep: one
run per (learning rate, batch size, seed), with a final loss and accuracy each."""

import itertools
import time

from mlflow.entities import Metric, Param, RunTag

from ._common import base_manifest, mark_logged, new_experiment

NAME = "many-runs"
VERSION = "1"
LEARNING_RATES = ["0.1", "0.03", "0.01", "0.003", "0.001"]
BATCH_SIZES = ["16", "32", "64", "128", "256", "512"]
SEEDS = range(5)  # 5 × 6 × 5 = 150 runs


def run(client):
    experiment_id = new_experiment(client, NAME, description="A 150-run sweep: more runs than one page of runs/search.")
    start = int(time.time() * 1000) - 150 * 60_000
    for i, (lr, batch, seed) in enumerate(itertools.product(LEARNING_RATES, BATCH_SIZES, SEEDS)):
        begun = start + i * 60_000
        created = client.create_run(experiment_id, start_time=begun, run_name=f"sweep-{i:03d}")
        # A deterministic, varied loss: sorting by it must interleave the pages.
        loss = round(float(lr) * 10 + int(batch) / 1000 + ((i * 37) % 150) / 1000, 6)
        client.log_batch(
            created.info.run_id,
            metrics=[Metric("loss", loss, begun, 0), Metric("accuracy", round(1 - loss / 2, 6), begun, 0)],
            params=[Param("lr", lr), Param("batch_size", batch), Param("seed", str(seed))],
            tags=[RunTag("sweep", "lr-batch")],
        )
        client.set_terminated(created.info.run_id, end_time=begun + 30_000)
    mark_logged(client, experiment_id, VERSION)
    return describe(client, client.get_experiment(experiment_id))


def describe(client, experiment):
    manifest = base_manifest(experiment, VERSION)
    manifest["run_count"] = len(LEARNING_RATES) * len(BATCH_SIZES) * len(SEEDS)
    return manifest
