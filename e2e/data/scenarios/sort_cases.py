"""Sorting cases for the run table: top-level runs with a metric `score`, one whose score is NaN
and one that never logged it, and a parent whose children hold a score, a lower one and NaN, so
a sort can be checked in both directions with NaN and missing values last and children sorted
within their parent."""

import math

import mlflow

from ._common import base_manifest, mark_logged, new_experiment, runs_by_name

NAME = "sort-cases"
VERSION = "1"
# run name -> score (None: the run never logs it); top-level runs, then the parent's children.
TOP = {"low": 0.3, "high": 0.9, "nan-score": math.nan, "no-score": None, "parent": 0.5}
CHILDREN = {"child-high": 0.8, "child-low": 0.1, "child-nan": math.nan}


def _log(name, score, **kwargs):
    with mlflow.start_run(run_name=name, **kwargs):
        mlflow.log_param("name", name)
        if score is not None:
            mlflow.log_metric("score", score)
        else:
            mlflow.log_metric("other", 1.0)


def run(client):
    experiment_id = new_experiment(client, NAME, description="Runs for sorting: NaN and missing values, and children under a parent.")
    mlflow.set_experiment(experiment_id=experiment_id)
    for name, score in TOP.items():
        if name != "parent":
            _log(name, score)
    with mlflow.start_run(run_name="parent"):
        mlflow.log_metric("score", TOP["parent"])
        for name, score in CHILDREN.items():
            _log(name, score, nested=True)
    mark_logged(client, experiment_id, VERSION)
    return describe(client, client.get_experiment(experiment_id))


def describe(client, experiment):
    manifest = base_manifest(experiment, VERSION)
    named = runs_by_name(client, experiment.experiment_id)
    manifest["runs"] = {name: run.info.run_id for name, run in named.items()}
    return manifest
