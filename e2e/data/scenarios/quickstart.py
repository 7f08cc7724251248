"""Seed 001, quickstart: log_param, a metric logged three times, a folder of artifacts, and the
tags an MLflow Project run carries (source, entry point, git commit)."""

import os
import random
import tempfile

import mlflow

from .common import finish, fresh_experiment

NAME = "quickstart"
VERSION = "1"


def run(client):
    experiment_id = fresh_experiment(
        client, NAME, VERSION, "MLflow quickstart: `param1`, metric `foo` three times, and `outputs/test.txt`.",
        {"tutorial": "001"},
    )
    rng = random.Random(1)
    project_tags = {
        "mlflow.source.type": "PROJECT",
        "mlflow.source.name": "https://github.com/mlflow/mlflow#examples/sklearn_elasticnet_wine",
        "mlflow.project.entryPoint": "main",
        "mlflow.source.git.commit": "3a1b2c3d4e5f60718293a4b5c6d7e8f901234567",
        "mlflow.source.git.repoURL": "https://github.com/mlflow/mlflow",
    }
    with mlflow.start_run(experiment_id=experiment_id, run_name="quickstart", tags=project_tags) as active:
        mlflow.log_param("param1", rng.randint(0, 100))
        for step in range(3):
            mlflow.log_metric("foo", rng.random() + step, step=step)
        with tempfile.TemporaryDirectory() as tmp:
            outputs = os.path.join(tmp, "outputs")
            os.makedirs(outputs)
            with open(os.path.join(outputs, "test.txt"), "w") as f:
                f.write("hello world!")
            mlflow.log_artifacts(outputs, artifact_path="outputs")
    return finish(client, experiment_id, {
        "experiment_name": NAME,
        "experiment_id": experiment_id,
        "runs": {"quickstart": active.info.run_id},
    })
