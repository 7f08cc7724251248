"""The model registry: one scikit-learn model (LogisticRegression on iris, with a signature and an
input example) logged by two runs and registered as versions 1 and 2 of one registered model,
with a Markdown description, tags on the model and on each version, and the alias `champion` on
version 1 (so the alias does not point at the latest version).

In MLflow 3 each `log_model` makes a LoggedModel; the version is registered with its `model_id`
(3.x refuses a `models:/<model_id>` source without it) and the server records
`source` = `models:/<model_id>`."""

import mlflow
from mlflow.models.signature import infer_signature
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression

from ._common import base_manifest, mark_logged, new_experiment, runs_by_name, share_requirement_inference

NAME = "registry"
VERSION = "1"
MODEL_NAME = "runlens-registry-demo"
ALIAS = "champion"
# Run name -> the registered version it becomes, and its regularisation strength.
RUNS = {"registry-v1": ("1", 1.0), "registry-v2": ("2", 0.1)}
DESCRIPTION = (
    "# Iris classifier\n\n"
    "A **LogisticRegression** on scikit-learn's bundled iris data, logged by the Runlens "
    "`registry` scenario.\n\n- version 1: `C=1.0` (alias `champion`)\n- version 2: `C=0.1`\n"
)
MODEL_TAGS = {"team": "runlens", "task": "classification"}


def run(client):
    share_requirement_inference()
    experiment_id = new_experiment(
        client, NAME,
        description="Two runs whose models are registered as versions 1 and 2 of one registered model.",
        tags={"scenario": "registry"},
    )
    # A registered model outlives experiments: an older VERSION's is deleted with its versions.
    if client.search_registered_models(filter_string=f"name = '{MODEL_NAME}'"):
        client.delete_registered_model(MODEL_NAME)
    client.create_registered_model(MODEL_NAME, tags=MODEL_TAGS, description=DESCRIPTION)
    mlflow.autolog(disable=True)
    data = load_iris(as_frame=True)
    X, y = data.data, data.target
    for run_name, (version, c) in RUNS.items():
        with mlflow.start_run(experiment_id=experiment_id, run_name=run_name) as active:
            model = LogisticRegression(C=c, max_iter=200).fit(X, y)
            mlflow.log_param("C", c)
            mlflow.log_metric("train_accuracy", float(model.score(X, y)))
            signature = infer_signature(X, model.predict(X))
            logged = mlflow.sklearn.log_model(model, name="iris_model", signature=signature, input_example=X.iloc[[0]])
        # MLflow 2 has no LoggedModels (nor the model_id argument).
        from_logged_model = {"model_id": logged.model_id} if getattr(logged, "model_id", None) else {}
        registered = client.create_model_version(
            MODEL_NAME, logged.model_uri, run_id=active.info.run_id, tags={"C": str(c)},
            description=f"LogisticRegression with C={c}.", **from_logged_model,
        )
        if registered.version != version:
            raise RuntimeError(f"{run_name} was registered as version {registered.version}, not {version}")
    client.set_registered_model_alias(MODEL_NAME, ALIAS, "1")
    mark_logged(client, experiment_id, VERSION)
    return describe(client, client.get_experiment(experiment_id))


def describe(client, experiment):
    manifest = base_manifest(experiment, VERSION)
    by_name = runs_by_name(client, experiment.experiment_id)
    manifest["runs"] = {name.replace("-", "_"): by_name[name].info.run_id for name in RUNS}
    model = client.get_registered_model(MODEL_NAME)
    versions = sorted(client.search_model_versions(f"name = '{MODEL_NAME}'"), key=lambda v: int(v.version))
    manifest["registered_model"] = {
        "name": model.name,
        "aliases": dict(model.aliases),
        "tags": dict(model.tags),
        "versions": [
            # Not the versions' aliases: model-versions/search leaves them out (3.17).
            {"version": v.version, "run_id": v.run_id, "source": v.source}
            for v in versions
        ],
    }
    manifest["signature_columns"] = list(load_iris(as_frame=True).data.columns)
    return manifest
