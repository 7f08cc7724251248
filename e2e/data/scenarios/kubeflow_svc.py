"""Seed 004, a Kubeflow component: an SVC saved with `mlflow.sklearn.save_model` (signature,
input example, an explicit conda env) and uploaded with `log_artifact("svc/")`, so the run's
artifacts hold an MLflow model in the folder `svc/` rather than `model/`, and no LoggedModel."""

import os
import tempfile

import mlflow
import pandas as pd
from mlflow.models.signature import infer_signature
from mlflow.utils.environment import _mlflow_conda_env
from sklearn.datasets import load_iris
from sklearn.svm import SVC

from ._common import artifact_paths, base_manifest, logged_models, mark_logged, new_experiment, runs_by_name

NAME = "kubeflow-svc"
VERSION = "2"
RUN_NAME = "svc-upload"


def run(client):
    experiment_id = new_experiment(
        client, NAME,
        description="A Kubeflow component's SVC: `save_model`, then `log_artifact` of the folder `svc/`.",
        tags={"tutorial": "004-kubeflow", "pipeline": "mlflow_pipeline"},
    )
    iris = load_iris()
    data = pd.DataFrame(iris["data"], columns=iris["feature_names"])
    target = pd.Series(iris["target"], name="target")
    clf = SVC(kernel="rbf").fit(data, target)
    input_example = data.sample(1, random_state=0)
    signature = infer_signature(data, clf.predict(data))
    # The tutorial's explicit environment. Because it is given, save_model writes it as is and
    # runs no requirement inference (no subprocess), which is also why this scenario is quick.
    conda_env = _mlflow_conda_env(additional_pip_deps=["dill", "pandas", "scikit-learn"])
    with tempfile.TemporaryDirectory() as tmp:
        svc_dir = os.path.join(tmp, "svc")
        mlflow.sklearn.save_model(
            sk_model=clf,
            path=svc_dir,
            serialization_format="cloudpickle",
            conda_env=conda_env,
            signature=signature,
            input_example=input_example,
        )
        with mlflow.start_run(experiment_id=experiment_id, run_name=RUN_NAME):
            # A directory: uploaded as a folder named after it, `svc/`.
            mlflow.log_artifact(svc_dir)
    mark_logged(client, experiment_id, VERSION)
    return describe(client, client.get_experiment(experiment_id))


def describe(client, experiment):
    manifest = base_manifest(experiment, VERSION)
    run_id = runs_by_name(client, experiment.experiment_id)[RUN_NAME].info.run_id
    manifest["runs"] = {"svc_upload": run_id}
    manifest["run_artifacts"] = {"svc_upload": artifact_paths(client, run_id)}
    manifest["mlmodel_paths"] = [p for p in manifest["run_artifacts"]["svc_upload"] if p.endswith("/MLmodel")]
    manifest["logged_models"] = logged_models(client, experiment.experiment_id, manifest["runs"])
    return manifest
