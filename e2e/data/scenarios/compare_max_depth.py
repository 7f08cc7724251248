"""Seed 003: a named experiment, dicts of params and metrics, an artifact, a deleted run, and a
deleted experiment."""

import os
import pickle
import tempfile

import mlflow
from sklearn.datasets import load_wine
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier

from .common import finish, fresh_experiment

NAME = "compare_max_depth"
VERSION = "1"
DELETED_EXPERIMENT = "scratch-deleted"


def run(client):
    experiment_id = fresh_experiment(client, NAME, VERSION, tags={"tutorial": "003"})
    X, y = load_wine(return_X_y=True)
    X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
    runs = {}
    for depth in (2, 4, 8):
        with mlflow.start_run(experiment_id=experiment_id, run_name=f"max_depth={depth}") as active:
            model = DecisionTreeClassifier(max_depth=depth, random_state=0).fit(X_train, y_train)
            predicted = model.predict(X_test)
            mlflow.log_params({"max_depth": depth, "criterion": "gini"})
            mlflow.log_metrics({"accuracy": accuracy_score(y_test, predicted), "f1": f1_score(y_test, predicted, average="macro")})
            with tempfile.TemporaryDirectory() as tmp:
                path = os.path.join(tmp, "model.pickle")
                with open(path, "wb") as f:
                    pickle.dump(model, f)
                mlflow.log_artifact(path)
        runs[f"max_depth_{depth}"] = active.info.run_id

    with mlflow.start_run(experiment_id=experiment_id, run_name="discarded") as discarded:
        mlflow.log_param("max_depth", 1)
    client.delete_run(discarded.info.run_id)
    runs["deleted_run"] = discarded.info.run_id

    # An experiment deleted the way the tutorial does it; its name is left taken by the store.
    previous = client.get_experiment_by_name(DELETED_EXPERIMENT)
    if previous is not None:
        client.rename_experiment(previous.experiment_id, f"{DELETED_EXPERIMENT} (old {previous.experiment_id})")
    scratch_id = client.create_experiment(DELETED_EXPERIMENT)
    with mlflow.start_run(experiment_id=scratch_id, run_name="scratch"):
        mlflow.log_metric("metric1", 0.1)
    client.delete_experiment(scratch_id)

    return finish(client, experiment_id, {
        "experiment_name": NAME,
        "experiment_id": experiment_id,
        "runs": runs,
        "deleted_experiment": {"name": DELETED_EXPERIMENT, "experiment_id": scratch_id},
    })
