"""Seed 003 (local tracking tips): `set_experiment` by name, `log_params` / `log_metrics` with
dicts, `log_artifact` of a pickled model, a deleted run, and a deleted experiment."""

import os
import pickle
import tempfile

import mlflow
from mlflow.entities import ViewType
from sklearn.datasets import load_wine
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier

from ._common import artifact_paths, base_manifest, mark_logged, move_aside, new_experiment, runs_by_name

NAME = "compare_max_depth"
VERSION = "2"
DEPTHS = (2, 4, 8)
DELETED_RUN = "discarded"
DELETED_EXPERIMENT = "scratch-deleted"


def run(client):
    experiment_id = new_experiment(client, NAME, tags={"tutorial": "003-local-tracking"})
    mlflow.set_experiment(NAME)  # by name, as the tutorial does
    X, y = load_wine(return_X_y=True)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=0)
    for depth in DEPTHS:
        with mlflow.start_run(run_name=f"max_depth={depth}"):
            model = DecisionTreeClassifier(max_depth=depth, random_state=0).fit(X_train, y_train)
            predicted = model.predict(X_test)
            mlflow.log_params({"max_depth": depth, "criterion": "gini", "random_state": 0})
            mlflow.log_metrics({
                "accuracy": accuracy_score(y_test, predicted),
                "f1": f1_score(y_test, predicted, average="macro"),
            })
            with tempfile.TemporaryDirectory() as tmp:
                path = os.path.join(tmp, "model.pickle")
                with open(path, "wb") as f:
                    pickle.dump(model, f)
                mlflow.log_artifact(path)

    # A fourth run, deleted as the tutorial shows (MlflowClient.delete_run).
    with mlflow.start_run(run_name=DELETED_RUN) as discarded:
        mlflow.log_params({"max_depth": 1})
        mlflow.log_metrics({"accuracy": 0.0})
    client.delete_run(discarded.info.run_id)

    # An experiment with one run, then deleted (MlflowClient.delete_experiment); its name stays
    # taken in the store, so an older copy is moved aside first.
    move_aside(client, DELETED_EXPERIMENT)
    scratch_id = client.create_experiment(DELETED_EXPERIMENT, tags={"mlflow.note.content": "Deleted on purpose."})
    with mlflow.start_run(experiment_id=scratch_id, run_name="scratch"):
        mlflow.log_param("param1", 1)
        mlflow.log_metric("metric1", 0.1)
    client.delete_experiment(scratch_id)

    mark_logged(client, experiment_id, VERSION)
    return describe(client, client.get_experiment(experiment_id))


def describe(client, experiment):
    manifest = base_manifest(experiment, VERSION)
    named = runs_by_name(client, experiment.experiment_id)
    runs = {f"max_depth_{d}": named[f"max_depth={d}"].info.run_id for d in DEPTHS}
    runs["deleted_run"] = named[DELETED_RUN].info.run_id
    manifest["runs"] = runs
    manifest["deleted_runs"] = [runs["deleted_run"]]
    manifest["metrics"] = {f"max_depth_{d}": named[f"max_depth={d}"].data.metrics for d in DEPTHS}
    manifest["run_artifacts"] = {f"max_depth_{d}": artifact_paths(client, runs[f"max_depth_{d}"]) for d in DEPTHS}
    scratch = client.search_experiments(
        view_type=ViewType.DELETED_ONLY, filter_string=f"name = '{DELETED_EXPERIMENT}'"
    )
    if len(scratch) != 1:
        raise RuntimeError(f"expected one deleted experiment named {DELETED_EXPERIMENT!r}, found {len(scratch)}")
    scratch_runs = runs_by_name(client, scratch[0].experiment_id)
    manifest["deleted_experiments"] = [{
        "experiment_name": DELETED_EXPERIMENT,
        "experiment_id": scratch[0].experiment_id,
        "runs": {"scratch": scratch_runs["scratch"].info.run_id},
    }]
    return manifest
