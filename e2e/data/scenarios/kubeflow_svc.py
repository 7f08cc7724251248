"""Seed 004, a Kubeflow step: an SVC saved with save_model (signature, input example, conda env)
and uploaded with log_artifacts as the folder `svc/`, so the run's artifacts hold an MLmodel
outside any `model/` folder."""

import os
import tempfile

import mlflow
import pandas as pd
from mlflow.models.signature import infer_signature
from mlflow.utils.environment import _mlflow_conda_env
from sklearn.datasets import load_iris
from sklearn.svm import SVC

from .common import finish, fresh_experiment

NAME = "kubeflow-svc"
VERSION = "1"


def run(client):
    experiment_id = fresh_experiment(client, NAME, VERSION, "A Kubeflow component's SVC, uploaded as `svc/`.", {"tutorial": "004"})
    iris = load_iris()
    data = pd.DataFrame(iris.data, columns=iris.feature_names)
    clf = SVC(kernel="rbf").fit(data, iris.target)
    input_example = data.sample(1, random_state=0)
    signature = infer_signature(data, clf.predict(data))
    # An explicit conda env (as the tutorial passes) also skips mlflow's slow requirement inference.
    conda_env = _mlflow_conda_env(additional_pip_deps=["dill", "pandas", "scikit-learn"])
    with tempfile.TemporaryDirectory() as tmp:
        svc_dir = os.path.join(tmp, "svc")
        mlflow.sklearn.save_model(
            sk_model=clf, path=svc_dir, serialization_format="cloudpickle",
            signature=signature, input_example=input_example, conda_env=conda_env,
        )
        with mlflow.start_run(experiment_id=experiment_id, run_name="svc-upload") as active:
            mlflow.log_artifacts(svc_dir, artifact_path="svc")
    files = sorted(a.path for a in client.list_artifacts(active.info.run_id, "svc"))
    return finish(client, experiment_id, {
        "experiment_name": NAME,
        "experiment_id": experiment_id,
        "runs": {"svc_upload": active.info.run_id},
        "svc_files": files,
    })
