"""A comparison made for a report: three runs, each with 30 metrics of 5 steps (`m_0`…`m_29`,
different values per run) and one metric with a 50-step history (`curve`). Side by side they make
31 line-chart cards, more than a screen holds, so render mode must draw the ones off screen too.
(A metric logged at one step only is drawn as a bar chart instead, which needs no lazy mount.)"""

from mlflow.entities import Metric

from ._common import base_manifest, mark_logged, new_experiment, runs_by_name

NAME = "report-metrics"
VERSION = "2"
RUNS = ("report-a", "report-b", "report-c")
METRICS = 30
METRIC_STEPS = 5
CURVE = "curve"
CURVE_STEPS = 50
TIMESTAMP = 1_700_000_000_000  # fixed, so every seeding logs the same data


def run(client):
    experiment_id = new_experiment(client, NAME, description="Three runs with 31 metrics, for render-mode reports.", tags={"purpose": "report"})
    for r, name in enumerate(RUNS):
        run_id = client.create_run(experiment_id, run_name=name, start_time=TIMESTAMP + r * 60_000).info.run_id
        # Last values in 1…100 whose order differs per metric and run, so each chart has three distinct lines.
        singles = [
            Metric(f"m_{m}", float(1 + (m * 7 + r * 31) % 100) + (METRIC_STEPS - 1 - step), TIMESTAMP + r * 60_000 + step, step)
            for m in range(METRICS)
            for step in range(METRIC_STEPS)
        ]
        curve = [Metric(CURVE, 2.0 / (1 + step * (r + 1) / 10) + 0.05 * r, TIMESTAMP + r * 60_000 + step * 1000, step) for step in range(CURVE_STEPS)]
        client.log_batch(run_id, metrics=singles + curve)
        client.set_terminated(run_id, "FINISHED", end_time=TIMESTAMP + r * 60_000 + CURVE_STEPS * 1000)
    mark_logged(client, experiment_id, VERSION)
    return describe(client, client.get_experiment(experiment_id))


def describe(client, experiment):
    manifest = base_manifest(experiment, VERSION)
    named = runs_by_name(client, experiment.experiment_id)
    manifest["runs"] = {name.replace("-", "_"): named[name].info.run_id for name in RUNS}
    manifest["metric_keys"] = sorted(named[RUNS[0]].data.metrics)
    return manifest
