"""Seed 002 (Databricks tutorial): autolog off, ElasticNet logged by hand (`alpha`, `l1_ratio`,
`test_mse`/`test_mae`/`test_r2`), the tag `ProjectID`, and `log_model` with a signature and an
input example. The tutorial's wine-quality CSV is replaced by scikit-learn's bundled diabetes
data as a DataFrame, so the signature has named columns (nothing is downloaded).

In MLflow 3 `sk_model` becomes a LoggedModel (not a folder of the run's artifacts);
`runs:/<run_id>/sk_model` still loads it."""

import mlflow
from mlflow.models.signature import infer_signature
from sklearn.datasets import load_diabetes
from sklearn.linear_model import ElasticNet
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split

from ._common import (
    artifact_paths,
    base_manifest,
    logged_models,
    mark_logged,
    new_experiment,
    runs_by_name,
    share_requirement_inference,
)

NAME = "elasticnet-diabetes"
VERSION = "2"
RUN_NAME = "elasticnet"


def run(client):
    share_requirement_inference()
    experiment_id = new_experiment(
        client, NAME,
        description="ElasticNet logged by hand, with a model signature and an input example.",
        tags={"tutorial": "002-databricks"},
    )
    mlflow.autolog(disable=True)  # as the tutorial does before logging by hand
    data = load_diabetes(as_frame=True)
    X_train, X_test, y_train, y_test = train_test_split(data.data, data.target, random_state=42)
    alpha, l1_ratio = 0.05, 0.5
    with mlflow.start_run(experiment_id=experiment_id, run_name=RUN_NAME):
        model = ElasticNet(alpha=alpha, l1_ratio=l1_ratio, random_state=42).fit(X_train, y_train)
        predicted = model.predict(X_test)
        mlflow.log_param("alpha", alpha)
        mlflow.log_param("l1_ratio", l1_ratio)
        mlflow.log_metric("test_mse", mean_squared_error(y_test, predicted))
        mlflow.log_metric("test_mae", mean_absolute_error(y_test, predicted))
        mlflow.log_metric("test_r2", r2_score(y_test, predicted))
        mlflow.set_tag("ProjectID", "My Great Project123")
        signature = infer_signature(X_train, model.predict(X_train))
        mlflow.sklearn.log_model(model, name="sk_model", signature=signature, input_example=X_test.iloc[[0]])
    mark_logged(client, experiment_id, VERSION)
    return describe(client, client.get_experiment(experiment_id))


def describe(client, experiment):
    manifest = base_manifest(experiment, VERSION)
    run_id = runs_by_name(client, experiment.experiment_id)[RUN_NAME].info.run_id
    manifest["runs"] = {"elasticnet": run_id}
    manifest["signature_columns"] = list(load_diabetes(as_frame=True).data.columns)
    manifest["run_artifacts"] = {"elasticnet": artifact_paths(client, run_id)}
    manifest["logged_models"] = logged_models(client, experiment.experiment_id, manifest["runs"])
    return manifest
