"""Seed 002: ElasticNet logged by hand (params, metrics, a tag) and a model logged with a
signature and an input example. The tutorial's wine-quality CSV is replaced by scikit-learn's
bundled diabetes data (nothing is downloaded)."""

import mlflow
from mlflow.models.signature import infer_signature
from sklearn.datasets import load_diabetes
from sklearn.linear_model import ElasticNet
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split

from .common import finish, fresh_experiment

NAME = "elasticnet-diabetes"
VERSION = "1"


def run(client):
    experiment_id = fresh_experiment(
        client, NAME, VERSION, "Manual logging of ElasticNet with a model signature and input example.", {"tutorial": "002"}
    )
    data = load_diabetes(as_frame=True)
    X_train, X_test, y_train, y_test = train_test_split(data.data, data.target, random_state=42)
    alpha, l1_ratio = 0.05, 0.5
    with mlflow.start_run(experiment_id=experiment_id, run_name="elasticnet") as active:
        model = ElasticNet(alpha=alpha, l1_ratio=l1_ratio, random_state=42).fit(X_train, y_train)
        predicted = model.predict(X_test)
        mlflow.log_param("alpha", alpha)
        mlflow.log_param("l1_ratio", l1_ratio)
        mlflow.log_metric("test_mse", mean_squared_error(y_test, predicted))
        mlflow.log_metric("test_mae", mean_absolute_error(y_test, predicted))
        mlflow.log_metric("test_r2", r2_score(y_test, predicted))
        mlflow.set_tag("ProjectID", "My Great Project123")
        signature = infer_signature(X_train, model.predict(X_train))
        info = mlflow.sklearn.log_model(model, name="sk_model", signature=signature, input_example=X_test.iloc[[0]])
    return finish(client, experiment_id, {
        "experiment_name": NAME,
        "experiment_id": experiment_id,
        "runs": {"elasticnet": active.info.run_id},
        "model_uri": info.model_uri,
        "model_id": getattr(info, "model_id", None),
        "signature_columns": list(X_train.columns),
    })
