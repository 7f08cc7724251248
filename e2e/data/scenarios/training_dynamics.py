"""Runs with a life of their own: a long history (10,000 steps of two metrics, with a one-step
spike that a chart which samples points would hide), a FAILED run, and a run still RUNNING."""

import math
import random
import time

import mlflow
from mlflow.entities import Metric, Param

from ._common import base_manifest, mark_logged, new_experiment, runs_by_name

NAME = "training-dynamics"
VERSION = "2"
STEPS = 10_000
SPIKE_STEP = 7_000
SPIKE_FACTOR = 50
BATCH = 1_000  # runs/log-batch takes at most 1,000 metrics per request
STEP_MS = 100  # the history spans STEPS * 100 ms, ending when the run is logged


def _curves(rng):
    """(step, loss, accuracy) for every step: smooth decays plus seeded noise."""
    for step in range(STEPS):
        loss = 2.0 * math.exp(-step / 2500) + 0.05 + rng.gauss(0, 0.01)
        if step == SPIKE_STEP:
            loss *= SPIKE_FACTOR
        accuracy = min(1.0, 1 - 0.9 * math.exp(-step / 2000) + rng.gauss(0, 0.005))
        yield step, loss, accuracy


def run(client):
    experiment_id = new_experiment(
        client, NAME, description="A 10,000-step training history, a failed run and a run still running."
    )
    rng = random.Random(7)

    # Created through the client, so timestamps can be spread as a real 17-minute job's would.
    start = int(time.time() * 1000) - STEPS * STEP_MS
    long_run = client.create_run(experiment_id, start_time=start, run_name="long-history")
    run_id = long_run.info.run_id
    client.log_batch(run_id, params=[Param("steps", str(STEPS)), Param("optimizer", "adam")])
    metrics = []
    for step, loss, accuracy in _curves(rng):
        timestamp = start + step * STEP_MS
        metrics.append(Metric("loss", loss, timestamp, step))
        metrics.append(Metric("accuracy", accuracy, timestamp, step))
    for i in range(0, len(metrics), BATCH):
        client.log_batch(run_id, metrics=metrics[i:i + BATCH])
    client.set_terminated(run_id, "FINISHED", end_time=start + STEPS * STEP_MS)

    with mlflow.start_run(experiment_id=experiment_id, run_name="failed-run") as failed:
        mlflow.log_param("lr", 10.0)
        for step in range(5):
            mlflow.log_metric("loss", 1.0 * (step + 1) ** 2, step=step)  # diverging
        mlflow.set_tag("error", "loss diverged (simulated)")
    client.set_terminated(failed.info.run_id, "FAILED")

    # Left RUNNING on purpose: no end time, as a job still training (or one that crashed
    # without telling the server) looks.
    running = client.create_run(experiment_id, run_name="still-running")
    client.log_metric(running.info.run_id, "loss", 0.9, step=0)
    client.log_metric(running.info.run_id, "loss", 0.7, step=1)

    mark_logged(client, experiment_id, VERSION)
    return describe(client, client.get_experiment(experiment_id))


def describe(client, experiment):
    manifest = base_manifest(experiment, VERSION)
    named = runs_by_name(client, experiment.experiment_id)
    runs = {"long_history": named["long-history"], "failed": named["failed-run"], "running": named["still-running"]}
    manifest["runs"] = {role: r.info.run_id for role, r in runs.items()}
    manifest["statuses"] = {role: r.info.status for role, r in runs.items()}
    # Read back from the server, so the manifest states what a chart must show.
    loss = client.get_metric_history(runs["long_history"].info.run_id, "loss")
    at_spike = [m.value for m in loss if m.step == SPIKE_STEP]
    neighbours = [m.value for m in loss if m.step in (SPIKE_STEP - 1, SPIKE_STEP + 1)]
    manifest["long_history"] = {
        "metrics": ["accuracy", "loss"],
        "steps": STEPS,
        "loss_points": len(loss),
        "spike_step": SPIKE_STEP,
        "spike_value": at_spike[0],
        "spike_neighbour_values": neighbours,
        "loss_max_step": max(loss, key=lambda m: m.value).step,
    }
    return manifest
