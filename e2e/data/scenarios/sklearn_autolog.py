"""Seed 000, sklearn autolog: LinearRegression, a Pipeline, and GridSearchCV over an SVC, which
autolog records as one parent run and one child run per parameter combination."""

import mlflow
from sklearn import datasets, svm
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from .common import finish, fresh_experiment

NAME = "sklearn-autolog"
VERSION = "1"


def run(client):
    experiment_id = fresh_experiment(
        client, NAME, VERSION, "`mlflow.sklearn.autolog()` on a regression, a pipeline and a grid search.",
        {"tutorial": "000", "team": "ml-platform"},
    )
    mlflow.sklearn.autolog()
    X, y = datasets.load_diabetes(return_X_y=True)

    with mlflow.start_run(experiment_id=experiment_id, run_name="linear-regression") as linear:
        LinearRegression().fit(X, y)

    with mlflow.start_run(experiment_id=experiment_id, run_name="pipeline") as pipeline:
        Pipeline([("scaler", StandardScaler()), ("lr", LinearRegression())]).fit(X, y)

    iris = datasets.load_iris()
    search = GridSearchCV(svm.SVC(), {"kernel": ("linear", "rbf"), "C": [1, 10]})
    with mlflow.start_run(experiment_id=experiment_id, run_name="grid-search-cv") as parent:
        search.fit(iris.data, iris.target)
    mlflow.sklearn.autolog(disable=True)

    children = client.search_runs(
        [experiment_id], f"tags.mlflow.parentRunId = '{parent.info.run_id}'", order_by=["attributes.start_time ASC"]
    )
    artifacts = sorted(a.path for a in client.list_artifacts(parent.info.run_id))
    models = client.search_logged_models(experiment_ids=[experiment_id])
    return finish(client, experiment_id, {
        "experiment_name": NAME,
        "experiment_id": experiment_id,
        "runs": {
            "linear_regression": linear.info.run_id,
            "pipeline": pipeline.info.run_id,
            "grid_parent": parent.info.run_id,
            "grid_children": [child.info.run_id for child in children],
        },
        "grid_parent_artifacts": artifacts,
        "logged_models": sorted({f"{m.name}:{m.source_run_id}" for m in models}),
    })
