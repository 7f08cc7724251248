"""Bad data seen in the wild, for robustness tests: a hostile experiment and run name (HTML,
quotes, non-ASCII), NaN / infinite / huge metric values, a 6,000-character param (MLflow's
limit), keys with odd characters, a run with no data, and a three-level nest of runs."""

import math

import mlflow
from mlflow.exceptions import MlflowException

from ._common import base_manifest, mark_logged, new_experiment, runs_by_name

NAME = 'edge cases <b>bold</b> & "quotes" 汉字'
VERSION = "3"
HOSTILE_RUN = "<img src=x onerror=alert(1)>"
LONG_PARAM_LENGTH = 6000  # mlflow.utils.validation.MAX_PARAM_VAL_LENGTH

BAD_VALUES = {"nan_metric": math.nan, "pos_inf": math.inf, "neg_inf": -math.inf, "huge": 1e308, "normal": 0.5}
# A history with a hole: charts must skip (not drop to 0 or break the line at) NaN and infinity.
GAPPY_HISTORY = [1.0, 0.8, math.nan, 0.6, math.inf, 0.5]

# Each is tried as a metric, a param and a tag key. MLflow accepts `/ . - _ : space` and any
# Unicode letter or digit (its check is the regex ^[/\w.\- :]*$ plus "must be a normalized
# path"); the ones it refuses are recorded in the manifest as rejected.
ODD_KEYS = [
    "train/loss",
    "a.b.c",
    "f1-score",
    "val loss",
    "损失",
    "time:epoch",
    "category#name",
    "emoji🔥",
    "double//slash",
    "/leading-slash",
]


def run(client):
    experiment_id = new_experiment(
        client, NAME,
        description="Runs with **bad data**: NaN, Infinity, <script>alert(1)</script>",
        tags={"team": "robustness", "html": "<i>not italic</i>"},
    )
    with mlflow.start_run(experiment_id=experiment_id, run_name=HOSTILE_RUN):
        mlflow.log_metrics(BAD_VALUES)
        for step, value in enumerate(GAPPY_HISTORY):
            mlflow.log_metric("gappy", value, step=step)
        # "[0000]-----[0011]-----[0022]...": each marker is its own offset, so a cut-off value
        # shows where it was cut. Exactly 6,000 characters (longer ones are silently truncated).
        long_value = "".join(f"[{i:04d}]-----" for i in range(0, LONG_PARAM_LENGTH, 11))[:LONG_PARAM_LENGTH]
        mlflow.log_param("long_param", long_value)
        mlflow.log_param("html_param", '"><svg onload=alert(1)>')
        mlflow.log_param("empty_param", "")
        # A spreadsheet would run this as a formula if a CSV export wrote it as is.
        mlflow.log_param("formula_param", '=HYPERLINK("http://evil.example","click")')
        mlflow.set_tag("link", "javascript:alert(1)")
        mlflow.set_tag("mlflow.note.content", "Run **notes** with <script>alert('run')</script>")

    loggers = (
        lambda key: mlflow.log_metric(key, 1.0),
        lambda key: mlflow.log_param(key, "value"),
        lambda key: mlflow.set_tag(key, "value"),
    )
    with mlflow.start_run(experiment_id=experiment_id, run_name="odd-keys"):
        for key in ODD_KEYS:
            for log in loggers:
                try:
                    log(key)
                except MlflowException:
                    pass  # rejected; describe() derives the list from what the server holds

    # No params, no metrics (only the system tags every run gets).
    with mlflow.start_run(experiment_id=experiment_id, run_name="empty-run"):
        pass

    with mlflow.start_run(experiment_id=experiment_id, run_name="grandparent"):
        mlflow.log_metric("depth", 1)
        with mlflow.start_run(experiment_id=experiment_id, run_name="parent", nested=True):
            mlflow.log_metric("depth", 2)
            with mlflow.start_run(experiment_id=experiment_id, run_name="child", nested=True):
                mlflow.log_metric("depth", 3)

    mark_logged(client, experiment_id, VERSION)
    return describe(client, client.get_experiment(experiment_id))


def _json_number(value):
    """JSON has no NaN or infinity (JSON.parse rejects them): spell those as MLflow's REST API
    spells NaN."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def describe(client, experiment):
    manifest = base_manifest(experiment, VERSION)
    named = runs_by_name(client, experiment.experiment_id)
    roles = {"hostile": HOSTILE_RUN, "odd_keys": "odd-keys", "empty": "empty-run",
             "grandparent": "grandparent", "parent": "parent", "child": "child"}
    manifest["runs"] = {role: named[name].info.run_id for role, name in roles.items()}
    hostile = named[HOSTILE_RUN]
    manifest["bad_values"] = {
        "logged": {k: _json_number(v) for k, v in BAD_VALUES.items()},
        # What the server gives back. The SQL store clamps +-infinity to +-1.7976931348623157e308
        # (the largest double) when saving; NaN is kept (REST sends it as the string "NaN").
        "stored": {k: _json_number(hostile.data.metrics[k]) for k in BAD_VALUES},
        "gappy_history": [
            _json_number(m.value) for m in sorted(client.get_metric_history(hostile.info.run_id, "gappy"), key=lambda m: m.step)
        ],
    }
    manifest["long_param"] = {"run": "hostile", "key": "long_param", "length": len(hostile.data.params["long_param"])}
    odd = named["odd-keys"].data
    held = {"metrics": odd.metrics, "params": odd.params, "tags": odd.tags}
    manifest["odd_keys"] = {
        "attempted": ODD_KEYS,
        "accepted": {kind: [k for k in ODD_KEYS if k in keys] for kind, keys in held.items()},
        "rejected": {kind: [k for k in ODD_KEYS if k not in keys] for kind, keys in held.items()},
    }
    # role -> its parent's run id (mlflow.parentRunId), None for the top of the chain.
    manifest["parent_run_ids"] = {
        role: named[roles[role]].data.tags.get("mlflow.parentRunId") for role in ("grandparent", "parent", "child")
    }
    return manifest
