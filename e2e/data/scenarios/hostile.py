"""Hostile data in every field a view shows, for the hostile-data e2e suite: HTML and script
payloads in names, descriptions, tags, params, dataset, artifact and logged-model names; links
with javascript:, data:, vbscript: and a spaced, mixed-case scheme; NaN and infinities; values
at (and past) MLflow's length limits; unicode and slashed keys; nanosecond times logged as
milliseconds; steps above 2^53; a deep JSON, a wide CSV, stepped images, a scripted SVG and an
HTML file that tries to escape its frame.

Every payload sets the canary `window.__pwned` to a label naming its field if it ever runs as
script, so a failing test says which field got through. What MLflow refuses (HTML in keys,
`#` in keys, over-long values) is tried anyway and the server's answer is in the manifest: the
manifest holds what the server stored, never what this script meant to log.
"""

import math
import os
import tempfile

import mlflow
from mlflow.entities import LoggedModelStatus
from mlflow.exceptions import MlflowException

from ._common import artifact_paths, base_manifest, mark_logged, new_experiment, runs_by_name


def img(label: str) -> str:
    return f"<img src=x onerror=\"window.__pwned='{label}'\">"


def svg(label: str) -> str:
    return f"\"><svg onload=\"window.__pwned='{label}'\">"


def script(label: str) -> str:
    return f"<script>window.__pwned='{label}'</script>"


NAME = f"{img('experiment-name')} hostile-data"
VERSION = "1"

RUN_A = img("run-name")
RUN_B = svg("run-name-b")
NANOSECOND_RUN = "nanosecond-times"
BIG_STEP_RUN = "big-steps"

# A nanosecond timestamp where MLflow expects milliseconds: ~5.4e7 years past Date's range.
NANOSECOND_TIME = 1_700_000_000_000_000_000
# int64 steps: 2^53 + 1 is the first integer a double cannot hold; 2^62 is far beyond it.
BIG_STEPS = {"step_2_53_plus_1": 2**53 + 1, "step_2_62": 2**62}

# Each is tried as a metric, param and tag key; MLflow accepts the first five.
ODD_KEYS = ["train/loss", "损失", "f1-score", "val loss.v2", "time:epoch", "category#name", img("key"), svg("key")]

# Link-shaped values in the places MLflow's UI turns into links. None may become an <a href>.
LINKS = {
    "javascript": "javascript:window.__pwned='tag-link'",
    "data": f"data:text/html,{script('data-link')}",
    "vbscript": "vbscript:msgbox(\"pwned\")",
    "spaced": " JaVaScRiPt:window.__pwned='spaced-link'",
}

# A spreadsheet runs a cell starting with = + - or @ as a formula.
FORMULAS = {
    "formula_eq": "=HYPERLINK(\"javascript:window.__pwned='csv'\",\"click\")",
    "formula_plus": "+1+cmd|' /C calc'!A0",
    "formula_minus": "-2+3",
    "formula_at": "@SUM(1+1)*cmd|' /C calc'!A0",
}

LONG_PARAM_LENGTH = 6000  # MLflow's param limit; longer values are cut to it
LONG_TAG_LENGTH = 100_000  # past MLflow's tag limit (8,000 in 3.17): stored cut
LONG_EXPERIMENT_TAG_LENGTH = 20_000  # MLflow's experiment tag limit; longer ones are refused


def long_text(label: str, length: int) -> str:
    """A payload first, then offset markers, so a cut-off value shows where it was cut."""
    head = img(label)
    body = "".join(f"[{i:06d}]----" for i in range(0, length, 12))
    return (head + body)[:length]


EXPERIMENT_DESCRIPTION = f"""{script('experiment-description')} **hostile** description

[x](javascript:window.__pwned='experiment-md-link')
{img('experiment-description-html')}
"""

RUN_DESCRIPTION = f"""# Notes {img('run-description-heading')}

[md-js](javascript:window.__pwned='md') [md-data](data:text/html,{script('md-data')}) [md-vb](vbscript:msgbox(1)) [md-spaced]( JaVaScRiPt:window.__pwned='md-spaced')

{img('run-description-html')}

{script('run-description-script')}

[safe link](https://mlflow.org)
"""

ARTIFACT_NAME = f"{img('artifact-name')}.txt"
COLON_NAME = "ratio:1.txt"
PERCENT_NAME = "100% done.txt"
LOGGED_MODEL_NAME = "<img src=x onerror=window[`__pwned`]=`logged-model`>"  # no quotes or dots: MLflow refuses them
DATASET_NAME = img("dataset-name")

# 5,000 levels of arrays, 10 KB.
DEEP_JSON = "[" * 5000 + "]" * 5000
WIDE_COLUMNS = 200_000

# The stepped-image name older mlflow clients wrote, with "%" where 3.17 writes "+".
LEGACY_IMAGE = "images/samples%step%3%timestamp%1700000000000%17a4f6e2-5b1c-4d8e-9f0a-3c2b1d4e5f60.png"

HOSTILE_SVG = f"""<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" onload="window.parent.__pwned='svg-onload'; window.__pwned='svg-onload'">
<script>window.__pwned='svg-script'; try {{ parent.__pwned = 'svg-script'; }} catch (e) {{}}</script>
<rect width="64" height="64" fill="#dc2626"/>
</svg>
"""

# Reports what it reached on its own page (the e2e test reads it), and sets the canary on the
# parent if it can.
HOSTILE_HTML = """<!doctype html>
<html><head><meta charset="utf-8"><title>Hostile artifact</title></head>
<body>
<h1>Hostile artifact</h1>
<p id="script">script: did not run</p>
<p id="parent">parent: pending</p>
<p id="cookie">cookie: pending</p>
<p id="storage">storage: pending</p>
<p id="api">api: pending</p>
<script>
function show(id, text) { document.getElementById(id).textContent = text; }
show('script', 'script: ran');
try { parent.__pwned = 'html-artifact'; top.__pwned = 'html-artifact'; show('parent', 'parent: SET ' + parent.document.title); }
catch (e) { show('parent', 'parent: blocked (' + e.name + ')'); }
try { show('cookie', 'cookie: READ ' + JSON.stringify(document.cookie)); } catch (e) { show('cookie', 'cookie: blocked (' + e.name + ')'); }
try { localStorage.setItem('runlens-pwned', '1'); show('storage', 'storage: READ'); } catch (e) { show('storage', 'storage: blocked (' + e.name + ')'); }
try {
  fetch('/mlflow/api/2.0/mlflow/experiments/search?max_results=1')
    .then(function (r) { return r.text(); })
    .then(function (t) { show('api', 'api: READ ' + t.slice(0, 40)); try { parent.__pwned = 'html-artifact-api'; } catch (e) {} },
          function (e) { show('api', 'api: blocked (' + e.name + ')'); });
} catch (e) { show('api', 'api: blocked (' + e.name + ')'); }
</script>
</body></html>
"""


def _image():
    """A 32×24 gradient: numpy is a dependency of mlflow, and log_image saves it with Pillow."""
    import numpy as np

    y, x = np.mgrid[0:24, 0:32]
    return np.stack([x * 8, y * 10, np.full_like(x, 128)], axis=-1).astype(np.uint8)


def _try(log) -> None:
    try:
        log()
    except MlflowException:
        pass  # refused by the server: describe() reports what it holds


def _log_hostile_run(client, experiment_id: str, name: str, label: str, losses: list[float]) -> str:
    run_id = client.create_run(experiment_id, run_name=name).info.run_id
    client.log_param(run_id, "html", img(f"param-value-{label}"))
    client.log_param(run_id, "svg", svg(f"param-value-{label}"))
    client.log_param(run_id, "script", script(f"param-value-{label}"))
    for key, value in FORMULAS.items():
        client.log_param(run_id, key, value)
    client.set_tag(run_id, "html_tag", img(f"tag-value-{label}"))
    for key, value in LINKS.items():
        client.set_tag(run_id, f"link_{key}", value)
    client.set_tag(run_id, "url_like", f"https://example.com/{svg(f'url-tag-{label}')}")
    for key in ODD_KEYS:
        _try(lambda: client.log_param(run_id, key, f"{key} value {label}"))
        _try(lambda: client.set_tag(run_id, key, f"{key} tag {label}"))
        _try(lambda: client.log_metric(run_id, key, 0.25))
    for step, value in enumerate(losses):
        client.log_metric(run_id, "train/loss", value, step=step)
    return run_id


def run(client):
    experiment_id = new_experiment(
        client, NAME, description=EXPERIMENT_DESCRIPTION,
        tags={
            "owner": svg("experiment-tag"),
            "link": "javascript:window.__pwned='experiment-tag-link'",
            "notes_20k": long_text("experiment-long-tag", LONG_EXPERIMENT_TAG_LENGTH),
        },
    )

    run_a = _log_hostile_run(client, experiment_id, RUN_A, "a", [1.0, 0.7, math.nan, 0.4, math.inf])
    client.log_param(run_a, "long_6000", long_text("long-param", LONG_PARAM_LENGTH))
    client.set_tag(run_a, "long_100k", long_text("long-tag", LONG_TAG_LENGTH))
    client.set_tag(run_a, "mlflow.note.content", RUN_DESCRIPTION)
    client.set_tag(run_a, "mlflow.source.type", "PROJECT")
    client.set_tag(run_a, "mlflow.source.name", LINKS["javascript"].replace("tag-link", "source-name"))
    client.set_tag(run_a, "mlflow.source.git.repoURL", LINKS["spaced"].replace("spaced-link", "repo-url"))
    client.set_tag(run_a, "mlflow.source.git.commit", "9ea8b5e1ab3c5f1a2a8f5b6a8b3f0c9d7e6a5b4c")
    for key, value in {"nan_metric": math.nan, "pos_inf": math.inf, "neg_inf": -math.inf}.items():
        client.log_metric(run_a, key, value)
    _log_run_a_extras(client, experiment_id, run_a)
    client.set_terminated(run_a)

    run_b = _log_hostile_run(client, experiment_id, RUN_B, "b", [1.2, 0.9, 0.6, 0.5, 0.3])
    client.set_tag(run_b, "mlflow.source.name", LINKS["data"].replace("data-link", "source-name-b"))
    client.set_tag(run_b, "mlflow.source.git.repoURL", LINKS["vbscript"])
    client.set_tag(run_b, "mlflow.source.git.commit", "0123456789abcdef0123456789abcdef01234567")
    client.set_terminated(run_b)

    # Times in nanoseconds where milliseconds belong: start, end and a metric's timestamp.
    nano = client.create_run(experiment_id, run_name=NANOSECOND_RUN, start_time=NANOSECOND_TIME).info.run_id
    for step in range(3):
        client.log_metric(nano, "nano_time", float(step), timestamp=NANOSECOND_TIME + step * 1_000_000_000, step=step)
    client.set_terminated(nano, end_time=NANOSECOND_TIME + 5_000_000_000)

    big = client.create_run(experiment_id, run_name=BIG_STEP_RUN).info.run_id
    for key, step in BIG_STEPS.items():
        client.log_metric(big, key, 1.5, step=step)
    client.set_terminated(big)

    mark_logged(client, experiment_id, VERSION)
    return describe(client, client.get_experiment(experiment_id))


def _log_run_a_extras(client, experiment_id: str, run_id: str) -> None:
    """Run A's dataset, logged model and artifacts."""
    import pandas as pd

    with mlflow.start_run(run_id=run_id):
        dataset = mlflow.data.from_pandas(pd.DataFrame({"x": [1, 2, 3], "y": [0, 1, 0]}), name=DATASET_NAME)
        mlflow.log_input(dataset, context="training")
        # MLflow 3.17 names the files images/samples+step+3+timestamp+<ms>+<uuid>.png (and
        # +compressed.webp); older clients used % instead of +.
        mlflow.log_image(_image(), key="samples", step=3)

    with tempfile.TemporaryDirectory() as tmp:
        files = {
            ARTIFACT_NAME: svg("artifact-content").encode(),
            COLON_NAME: b"a root name with a colon\n",
            PERCENT_NAME: b"a name with a bare percent sign\n",
            "deep.json": DEEP_JSON.encode(),
            "wide.csv": _wide_csv(),
            "hostile.svg": HOSTILE_SVG.encode(),
            "hostile.html": HOSTILE_HTML.encode(),
        }
        for name, content in files.items():
            with open(os.path.join(tmp, name), "wb") as f:
                f.write(content)
        # The stepped image again under the name older clients gave it, with bare % signs. The
        # upload percent-decodes some "%XX" (a uuid starting "c2" arrives as U+FFFD), so this
        # copy's uuid starts with digits that arrive intact; describe() checks the name stored.
        png = next(p for p in artifact_paths(client, run_id, "images") if p.endswith(".png"))
        legacy = os.path.join(tmp, LEGACY_IMAGE)
        os.makedirs(os.path.dirname(legacy))
        with tempfile.TemporaryDirectory() as download:
            os.replace(client.download_artifacts(run_id, png, download), legacy)
        client.log_artifacts(run_id, tmp)

    model = client.create_logged_model(experiment_id, name=LOGGED_MODEL_NAME, source_run_id=run_id)
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "MLmodel"), "w", encoding="utf-8") as f:
            f.write(f"artifact_path: model\nflavors:\n  python_function:\n    loader_module: '{img('mlmodel-loader')}'\n")
        client.log_model_artifacts(model.model_id, tmp)
    client.finalize_logged_model(model.model_id, LoggedModelStatus.READY)


def _wide_csv() -> bytes:
    header = ",".join(f"c{i}" for i in range(WIDE_COLUMNS))
    row = ",".join(str(i % 10) for i in range(WIDE_COLUMNS))
    return f"{header}\n{row}\n".encode()


def describe(client, experiment):
    manifest = base_manifest(experiment, VERSION)
    named = runs_by_name(client, experiment.experiment_id)
    roles = {"hostile_a": RUN_A, "hostile_b": RUN_B, "nanosecond_times": NANOSECOND_RUN, "big_steps": BIG_STEP_RUN}
    manifest["runs"] = {role: named[name].info.run_id for role, name in roles.items()}
    a, b = named[RUN_A], named[RUN_B]
    manifest["experiment_tags"] = {k: v for k, v in experiment.tags.items() if not k.startswith("runlens.")}

    def shown(run):
        """A run's strings as stored, minus MLflow's own bookkeeping tags."""
        return {
            "name": run.info.run_name,
            "params": dict(run.data.params),
            "tags": {k: v for k, v in run.data.tags.items() if k not in ("mlflow.user", "mlflow.runName", "mlflow.loggedImages")},
            "metric_keys": sorted(run.data.metrics),
        }

    manifest["hostile_runs"] = {"hostile_a": shown(a), "hostile_b": shown(b)}
    manifest["links"] = {f"link_{k}": v for k, v in LINKS.items()}
    manifest["formulas"] = FORMULAS
    held = {"metrics": a.data.metrics, "params": a.data.params, "tags": a.data.tags}
    manifest["odd_keys"] = {
        "accepted": {kind: [k for k in ODD_KEYS if k in keys] for kind, keys in held.items()},
        "rejected": {kind: [k for k in ODD_KEYS if k not in keys] for kind, keys in held.items()},
    }
    manifest["long_values"] = {
        "param": {"key": "long_6000", "logged": LONG_PARAM_LENGTH, "stored": len(a.data.params["long_6000"])},
        "tag": {"key": "long_100k", "logged": LONG_TAG_LENGTH, "stored": len(a.data.tags["long_100k"])},
        "experiment_tag": {"key": "notes_20k", "logged": LONG_EXPERIMENT_TAG_LENGTH, "stored": len(experiment.tags["notes_20k"])},
    }
    manifest["bad_metrics"] = {k: _json_number(a.data.metrics[k]) for k in ("nan_metric", "pos_inf", "neg_inf")}
    nano = named[NANOSECOND_RUN]
    manifest["nanosecond_times"] = {
        "start_time": str(nano.info.start_time),
        "end_time": str(nano.info.end_time),
        "metric_key": "nano_time",
        "metric_timestamps": [str(m.timestamp) for m in client.get_metric_history(nano.info.run_id, "nano_time")],
    }
    big = named[BIG_STEP_RUN].info.run_id
    # As strings: JSON.parse would round 2^53 + 1 to 2^53.
    manifest["big_steps"] = {key: str(client.get_metric_history(big, key)[0].step) for key in BIG_STEPS}
    manifest["dataset_names"] = [d.dataset.name for d in a.inputs.dataset_inputs]
    files = artifact_paths(client, a.info.run_id)
    if LEGACY_IMAGE not in files:
        raise RuntimeError(f"the server stored the legacy image under another name: {[f for f in files if f.startswith('images/')]}")
    manifest["run_artifacts"] = {"hostile_a": files}
    manifest["artifacts"] = {
        "hostile_name": ARTIFACT_NAME,
        "colon_name": COLON_NAME,
        "percent_name": PERCENT_NAME,
        "deep_json": "deep.json",
        "wide_csv": "wide.csv",
        "svg": "hostile.svg",
        "html": "hostile.html",
        "stepped_images": [f for f in files if f.startswith("images/")],
    }
    manifest["logged_models"] = [
        {"model_id": m.model_id, "name": m.name, "source_run_id": m.source_run_id}
        for m in client.search_logged_models(experiment_ids=[experiment.experiment_id])
    ]
    return manifest


def _json_number(value):
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value
