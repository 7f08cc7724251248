"""Helpers shared by the scenarios: experiments that can be re-created idempotently."""

import json
import time

from mlflow import MlflowClient

SEED_VERSION_TAG = "runlens.seed.version"
SEED_MANIFEST_TAG = "runlens.seed.manifest"


def logged_manifest(client: MlflowClient, name: str, version: str):
    """The manifest of a scenario already logged at this version, or None.

    The manifest tag is written last, so a scenario interrupted half-way is logged again.
    """
    experiment = client.get_experiment_by_name(name)
    if experiment is None or experiment.lifecycle_stage != "active":
        return None
    if experiment.tags.get(SEED_VERSION_TAG) != version or SEED_MANIFEST_TAG not in experiment.tags:
        return None
    return json.loads(experiment.tags[SEED_MANIFEST_TAG])


def fresh_experiment(client: MlflowClient, name: str, version: str, description: str = "", tags=None) -> str:
    """Creates the scenario's experiment; an older or half-logged one is renamed away and deleted
    (experiment names stay taken after deletion, so renaming frees the name)."""
    stale = client.get_experiment_by_name(name)
    if stale is not None:
        client.rename_experiment(stale.experiment_id, f"{name} (stale {int(time.time() * 1000)})")
        if stale.lifecycle_stage == "active":
            client.delete_experiment(stale.experiment_id)
    all_tags = {SEED_VERSION_TAG: version, **(tags or {})}
    if description:
        all_tags["mlflow.note.content"] = description
    return client.create_experiment(name, tags=all_tags)


def finish(client: MlflowClient, experiment_id: str, manifest: dict) -> dict:
    client.set_experiment_tag(experiment_id, SEED_MANIFEST_TAG, json.dumps(manifest, sort_keys=True))
    return manifest
