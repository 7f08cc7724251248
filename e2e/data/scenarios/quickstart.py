"""Seed 001, MLflow's quickstart (examples/quickstart/mlflow_tracking.py), logged as the run an
`mlflow run` of the tutorial's project would make: `param1`, metric `foo` three times, the folder
`outputs/` with `test.txt`, and the source / entry point / git tags of an MLflow Project run."""

import os
import random
import tempfile

import mlflow

from ._common import artifact_paths, base_manifest, mark_logged, new_experiment, runs_by_name

NAME = "quickstart"
VERSION = "2"
RUN_NAME = "quickstart"

# The tags `mlflow run https://github.com/mlflow/mlflow#examples/quickstart` sets. Passed
# explicitly: the run context would otherwise record this script and the Runlens checkout
# (its commit and branch), and the data would change with every Runlens commit.
PROJECT_TAGS = {
    "mlflow.source.type": "PROJECT",
    "mlflow.source.name": "https://github.com/mlflow/mlflow#examples/quickstart",
    "mlflow.project.entryPoint": "main",
    "mlflow.project.backend": "local",
    "mlflow.source.git.commit": "9ea8b5e1ab3c5f1a2a8f5b6a8b3f0c9d7e6a5b4c",
    "mlflow.source.git.branch": "master",
    "mlflow.source.git.repoURL": "https://github.com/mlflow/mlflow",
    "mlflow.gitRepoURL": "https://github.com/mlflow/mlflow",
}


def run(client):
    experiment_id = new_experiment(
        client, NAME,
        description="The MLflow quickstart: `param1`, the metric `foo` logged three times and `outputs/test.txt`.",
        tags={"tutorial": "001-quickstart"},
    )
    rng = random.Random(1)  # the tutorial uses random(); seeded so every store holds the same data
    with mlflow.start_run(experiment_id=experiment_id, run_name=RUN_NAME, tags=PROJECT_TAGS):
        mlflow.log_param("param1", rng.randint(0, 100))
        # Three calls, as in the tutorial; explicit steps 0, 1, 2 make the history a line.
        for step in range(3):
            mlflow.log_metric("foo", rng.random() + step, step=step)
        with tempfile.TemporaryDirectory() as tmp:
            outputs = os.path.join(tmp, "outputs")
            os.makedirs(outputs)
            with open(os.path.join(outputs, "test.txt"), "w") as f:
                f.write("hello world!")
            mlflow.log_artifacts(outputs, artifact_path="outputs")
    mark_logged(client, experiment_id, VERSION)
    return describe(client, client.get_experiment(experiment_id))


def describe(client, experiment):
    manifest = base_manifest(experiment, VERSION)
    run_id = runs_by_name(client, experiment.experiment_id)[RUN_NAME].info.run_id
    manifest["runs"] = {"quickstart": run_id}
    manifest["foo_history"] = [
        {"step": m.step, "value": m.value} for m in sorted(client.get_metric_history(run_id, "foo"), key=lambda m: m.step)
    ]
    manifest["run_artifacts"] = {"quickstart": artifact_paths(client, run_id)}
    return manifest
