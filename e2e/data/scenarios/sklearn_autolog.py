"""Seed 000, `mlflow.sklearn.autolog()` as in MLflow's examples/sklearn_autolog: a
LinearRegression, a Pipeline(StandardScaler, LinearRegression), and a GridSearchCV over an SVC on
iris, which autolog records as one parent run plus one child run per parameter combination.

MLflow 3 differs from the tutorial's listing: the autologged `model` and `best_estimator` are
LoggedModels (experiments/<id>/models/<model_id>/artifacts, the `logged-models` REST endpoints),
not folders in the run's artifacts; describe() records both places as they are."""

import mlflow
import numpy as np
from sklearn import datasets, svm
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from ._common import (
    all_runs,
    artifact_paths,
    base_manifest,
    logged_models,
    mark_logged,
    new_experiment,
    runs_by_name,
    share_requirement_inference,
)

NAME = "sklearn-autolog"
VERSION = "2"
PARAM_GRID = {"kernel": ("linear", "rbf"), "C": [1, 10]}
ROLES = {"linear_regression": "linear-regression", "pipeline": "pipeline", "grid_parent": "grid-search-cv"}


def run(client):
    share_requirement_inference()
    experiment_id = new_experiment(
        client, NAME,
        description="`mlflow.sklearn.autolog()` on a LinearRegression, a Pipeline and a GridSearchCV over an SVC.",
        tags={"tutorial": "000-sklearn-autolog", "team": "ml-platform"},
    )
    mlflow.sklearn.autolog()
    try:
        # The tutorial's data: y = 1*x0 + 2*x1 + 3, so the fit is exact (training_score 1.0).
        X = np.array([[1, 1], [1, 2], [2, 2], [2, 3]])
        y = np.dot(X, np.array([1, 2])) + 3
        with mlflow.start_run(experiment_id=experiment_id, run_name=ROLES["linear_regression"]):
            LinearRegression().fit(X, y)
        with mlflow.start_run(experiment_id=experiment_id, run_name=ROLES["pipeline"]):
            Pipeline([("scaler", StandardScaler()), ("lr", LinearRegression())]).fit(X, y)

        iris = datasets.load_iris()
        with mlflow.start_run(experiment_id=experiment_id, run_name=ROLES["grid_parent"]):
            GridSearchCV(svm.SVC(), PARAM_GRID).fit(iris.data, iris.target)
    finally:
        # Autolog is process-wide; never leak it into whatever runs next in this process.
        mlflow.sklearn.autolog(disable=True)
    mark_logged(client, experiment_id, VERSION)
    return describe(client, client.get_experiment(experiment_id))


def describe(client, experiment):
    manifest = base_manifest(experiment, VERSION)
    named = runs_by_name(client, experiment.experiment_id)
    runs = {role: named[name].info.run_id for role, name in ROLES.items()}
    parent_id = runs["grid_parent"]
    children = all_runs(client, experiment.experiment_id, f"tags.mlflow.parentRunId = '{parent_id}'")
    if len(children) != 4:
        raise RuntimeError(f"expected 4 GridSearchCV child runs, found {len(children)}")
    # Autolog names children at random and logs them within the same millisecond, so order them
    # by their parameters (the order of cv_results.csv: C, then kernel).
    children.sort(key=lambda r: (float(r.data.params["C"]), r.data.params["kernel"]))
    runs["grid_children"] = [child.info.run_id for child in children]
    manifest["runs"] = runs
    manifest["grid_children"] = [
        {
            "run_id": child.info.run_id,
            "run_name": child.info.run_name,
            "params": {k: child.data.params[k] for k in ("C", "kernel")},
            "mean_test_score": child.data.metrics["mean_test_score"],
        }
        for child in children
    ]
    parent = named[ROLES["grid_parent"]]
    manifest["grid_best_params"] = {k: v for k, v in parent.data.params.items() if k.startswith("best_")}
    # What is really in each run's artifact root, and which LoggedModels exist beside them.
    manifest["run_artifacts"] = {role: artifact_paths(client, runs[role]) for role in ROLES}
    manifest["logged_models"] = logged_models(client, experiment.experiment_id, runs)
    return manifest
