"""Bad data seen in the wild: a hostile experiment and run name, NaN and infinite metrics, a
6,000-character param, keys with odd characters, an empty run and a three-level nest."""

import math

import mlflow
from mlflow.exceptions import MlflowException

from .common import finish, fresh_experiment

NAME = 'edge cases <b>bold</b> & "quotes" 汉字'
VERSION = "2"
ODD_KEYS = ["train/loss", "f1-score", "val loss", "损失", "category#name", "a.b.c"]


def run(client):
    experiment_id = fresh_experiment(
        client, NAME, VERSION, "Runs with **bad data**: NaN, Infinity, <script>alert(1)</script>", {"team": "robustness"}
    )
    with mlflow.start_run(experiment_id=experiment_id, run_name="<img src=x onerror=alert(1)>") as hostile:
        mlflow.log_metrics({"nan_metric": math.nan, "pos_inf": math.inf, "neg_inf": -math.inf, "huge": 1e308, "normal": 0.5})
        mlflow.log_param("long_param", ("0123456789" * 600)[:6000])
        mlflow.log_param("html_param", '"><svg onload=alert(1)>')
        mlflow.set_tag("link", "javascript:alert(1)")
        accepted, rejected = [], []
        for key in ODD_KEYS:
            try:
                mlflow.log_metric(key, 1.0)
                accepted.append(key)
            except MlflowException:
                rejected.append(key)

    with mlflow.start_run(experiment_id=experiment_id, run_name="empty-run") as empty:
        pass

    with mlflow.start_run(experiment_id=experiment_id, run_name="grandparent") as grandparent:
        with mlflow.start_run(experiment_id=experiment_id, run_name="parent", nested=True) as parent:
            with mlflow.start_run(experiment_id=experiment_id, run_name="child", nested=True) as child:
                mlflow.log_metric("depth", 3)

    return finish(client, experiment_id, {
        "experiment_name": NAME,
        "experiment_id": experiment_id,
        "runs": {
            "hostile": hostile.info.run_id,
            "empty": empty.info.run_id,
            "grandparent": grandparent.info.run_id,
            "parent": parent.info.run_id,
            "child": child.info.run_id,
        },
        "metric_keys_accepted": accepted,
        "metric_keys_rejected": rejected,
    })
