"""Helpers shared by the scenarios: the experiment life cycle that makes populate.py idempotent,
and lookups that rebuild a scenario's manifest from what the server holds."""

from __future__ import annotations

import functools
import os
import time

from mlflow import MlflowClient
from mlflow.entities import Experiment, Run, ViewType

# Set on a scenario's experiment as the very last step of logging it, so an experiment that has
# it at the current VERSION is complete; one without it was interrupted and is logged again.
SEED_VERSION_TAG = "runlens.seed.version"
DESCRIPTION_TAG = "mlflow.note.content"  # what MLflow's own UI shows as the description


# --- experiment life cycle ------------------------------------------------------------------


def seeded_experiment(client: MlflowClient, name: str, version: str) -> Experiment | None:
    """The scenario's experiment if it was completely logged at `version`, else None."""
    experiment = client.get_experiment_by_name(name)
    if experiment is None or experiment.lifecycle_stage != "active":
        return None
    return experiment if experiment.tags.get(SEED_VERSION_TAG) == version else None


def new_experiment(client: MlflowClient, name: str, description: str | None = None, tags: dict | None = None) -> str:
    """Creates the experiment `name`, first moving aside one that already holds the name (an
    older VERSION, or a run of populate.py that was interrupted)."""
    move_aside(client, name)
    all_tags = dict(tags or {})
    if description:
        all_tags[DESCRIPTION_TAG] = description
    return client.create_experiment(name, tags=all_tags)


def move_aside(client: MlflowClient, name: str) -> None:
    """Frees `name`: MLflow keeps a deleted experiment's name taken, so the old experiment is
    renamed (only an active one can be) and left deleted, for the deleted-experiments view."""
    old = client.get_experiment_by_name(name)
    if old is None:
        return
    if old.lifecycle_stage != "active":
        client.restore_experiment(old.experiment_id)
    client.rename_experiment(old.experiment_id, f"{name} (replaced {time.strftime('%Y-%m-%d %H:%M:%S')} #{old.experiment_id})")
    client.delete_experiment(old.experiment_id)


def mark_logged(client: MlflowClient, experiment_id: str, version: str) -> None:
    client.set_experiment_tag(experiment_id, SEED_VERSION_TAG, version)


def base_manifest(experiment: Experiment, version: str) -> dict:
    """The fields every scenario's manifest fragment has (harness/populate.ts types them)."""
    return {
        "experiment_name": experiment.name,
        "experiment_id": experiment.experiment_id,
        "seed_version": version,
        "runs": {},
        "deleted_experiments": [],
    }


# --- reading back what was logged -----------------------------------------------------------


def all_runs(client: MlflowClient, experiment_id: str, filter_string: str = "") -> list[Run]:
    """Every run of the experiment, deleted ones included, oldest first."""
    runs, token = [], None
    while True:
        page = client.search_runs(
            [experiment_id], filter_string, run_view_type=ViewType.ALL, max_results=1000,
            order_by=["attributes.start_time ASC"], page_token=token,
        )
        runs.extend(page)
        token = page.token
        if not token:
            return runs


def runs_by_name(client: MlflowClient, experiment_id: str) -> dict[str, Run]:
    """Run name -> run. Scenarios give their runs unique names, so a duplicate means the data is
    not what the scenario logged (e.g. someone logged into a seeded experiment by hand)."""
    named: dict[str, Run] = {}
    for run in all_runs(client, experiment_id):
        name = run.info.run_name
        if name in named:
            raise RuntimeError(f"experiment {experiment_id} has two runs named {name!r}")
        named[name] = run
    return named


def artifact_paths(client: MlflowClient, run_id: str, path: str | None = None) -> list[str]:
    """Every file under the run's artifact root (recursively), as relative paths, sorted."""
    files = []
    for info in client.list_artifacts(run_id, path):
        files.extend(artifact_paths(client, run_id, info.path) if info.is_dir else [info.path])
    return sorted(files)


def logged_models(client: MlflowClient, experiment_id: str, roles: dict[str, str]) -> list[dict]:
    """The experiment's LoggedModels (MLflow 3 keeps logged models outside the run's artifacts,
    under <experiment>/models/<model_id>/artifacts), with the role of the run that logged each."""
    role_of = {run_id: role for role, run_id in roles.items() if isinstance(run_id, str)}
    models = []
    # MLflow 2 clients, and servers without the logged-models endpoints (MLflow 2, FastTrackML),
    # keep models as folders of the run's artifacts: there are no LoggedModels to list.
    if not hasattr(client, "search_logged_models"):
        return models
    for model in client.search_logged_models(experiment_ids=[experiment_id]):
        models.append({
            "model_id": model.model_id,
            "name": model.name,
            "source_run_id": model.source_run_id,
            "source_run_role": role_of.get(model.source_run_id),
            "artifact_location": model.artifact_location,
            "files": sorted(f.path for f in client.list_logged_model_artifacts(model.model_id)),
            # Still resolvable in MLflow 3: the run's logged model of that name.
            "runs_uri": f"runs:/{model.source_run_id}/{model.name}",
            "models_uri": f"models:/{model.model_id}",
        })
    return sorted(models, key=lambda m: (m["source_run_role"] or "", m["name"], m["model_id"]))


# --- speed ----------------------------------------------------------------------------------


@functools.cache
def share_requirement_inference() -> None:
    """Makes mlflow infer a flavor's pip requirements once per process instead of once per
    logged model.

    Why: for every `log_model` (and every model autolog saves) mlflow starts a Python process
    that imports mlflow and loads the model to see what it imports (~2.5 s on two cores), then
    reads the metadata of installed packages (~0.3 s). sklearn-autolog logs four models, so
    this was most of populate.py's time. The answer depends only on the flavor and on the
    packages that unpickling the model imports, and every model the seeds log is a plain
    scikit-learn estimator: they all get the same requirements.txt / conda.yaml /
    python_env.yaml with or without this cache (compare with RUNLENS_SEED_INFER_EVERY_MODEL=1).
    So the artifacts a user sees are unchanged, where MLFLOW_REQUIREMENTS_INFERENCE_TIMEOUT
    would fall back to a default list and passing pip_requirements would not be what the
    tutorials did. (Running the first inference early in a background thread was tried: it
    gained nothing on two cores, and importing in a second thread breaks autolog's walk over
    scikit-learn's modules.)

    A scenario that logs a model importing other packages (xgboost, torch...) in the same
    process must not rely on this cache.
    """
    if os.environ.get("RUNLENS_SEED_INFER_EVERY_MODEL") == "1":
        return
    from mlflow.utils import environment

    original = environment._infer_requirements
    cache: dict[str, list[str]] = {}

    @functools.wraps(original)
    def infer_once(model_uri, flavor, raise_on_error=False, extra_env_vars=None):
        if raise_on_error or extra_env_vars:
            return original(model_uri, flavor, raise_on_error=raise_on_error, extra_env_vars=extra_env_vars)
        if flavor not in cache:
            cache[flavor] = original(model_uri, flavor)
        return list(cache[flavor])

    # infer_pip_requirements calls `_infer_requirements` through its module's globals.
    environment._infer_requirements = infer_once
