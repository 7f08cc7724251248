"""Runs with a life of their own: a long history (10,000 steps of two metrics, with a one-step
spike that a sampling chart would hide), a FAILED run and a run still RUNNING."""

import math
import random
import time

import mlflow
from mlflow.entities import Metric

from .common import finish, fresh_experiment

NAME = "training-dynamics"
VERSION = "1"
STEPS = 10_000
SPIKE_STEP = 7_000
BATCH = 1_000  # runs/log-batch accepts at most 1,000 metrics per call


def run(client):
    experiment_id = fresh_experiment(client, NAME, VERSION, "A long training history, a failed run and a run still running.")
    rng = random.Random(7)
    start = int(time.time() * 1000) - STEPS * 100

    long_run = client.create_run(experiment_id, run_name="long-history", tags={"mlflow.user": "trainer"})
    run_id = long_run.info.run_id
    client.log_param(run_id, "steps", STEPS)
    metrics = []
    spike_value = None
    for step in range(STEPS):
        timestamp = start + step * 100
        loss = 2.0 * math.exp(-step / 2500) + 0.05 + rng.gauss(0, 0.01)
        if step == SPIKE_STEP:
            loss *= 50
            spike_value = loss
        accuracy = 1 - 0.9 * math.exp(-step / 2000) + rng.gauss(0, 0.005)
        metrics.append(Metric("loss", loss, timestamp, step))
        metrics.append(Metric("accuracy", accuracy, timestamp, step))
    for i in range(0, len(metrics), BATCH):
        client.log_batch(run_id, metrics=metrics[i:i + BATCH])
    client.set_terminated(run_id, "FINISHED", end_time=start + STEPS * 100)

    with mlflow.start_run(experiment_id=experiment_id, run_name="failed-run") as failed:
        for step in range(5):
            mlflow.log_metric("loss", 1.0 / (step + 1), step=step)
        mlflow.set_tag("error", "CUDA out of memory (simulated)")
    client.set_terminated(failed.info.run_id, "FAILED")

    # Left RUNNING on purpose: no end time, as a crashed or still-active job looks.
    running = client.create_run(experiment_id, run_name="still-running")
    client.log_metric(running.info.run_id, "loss", 0.9, step=0)
    client.log_metric(running.info.run_id, "loss", 0.7, step=1)

    return finish(client, experiment_id, {
        "experiment_name": NAME,
        "experiment_id": experiment_id,
        "runs": {"long_history": run_id, "failed": failed.info.run_id, "running": running.info.run_id},
        "long_history": {"steps": STEPS, "spike_step": SPIKE_STEP, "spike_value": spike_value},
    })
