"""Artifacts the browser must preview, gate or refuse: an HTML report whose script tries to
escape its frame, a 60 MB file, hostile and broken `MLmodel` files, non-UTF-8 text, Markdown,
JSON, YAML, TSV, code, an SVG with a script in it, a PDF, nested folders, and a hand-written
model folder with a `metadata/` copy (which is not a model of its own). Nothing is trained, so
it is quick; the 60 MB file is zeros written locally."""

import os
import tempfile

import mlflow

from ._common import artifact_paths, base_manifest, mark_logged, new_experiment, runs_by_name

NAME = "artifact-cases"
VERSION = "1"
RUN_NAME = "artifact-cases"
LARGE_FILE = "large/sixty-mb.log"
LARGE_SIZE = 60 * 1024 * 1024

# Its script reports what it could reach into its own page; the e2e test reads that page.
HOSTILE_HTML = """<!doctype html>
<html><head><meta charset="utf-8"><title>Hostile report</title></head>
<body>
<h1>Hostile report</h1>
<p id="script">script: did not run</p>
<p id="parent">parent: pending</p>
<p id="storage">storage: pending</p>
<p id="api">api: pending</p>
<script>
function show(id, text) { document.getElementById(id).textContent = text; }
show('script', 'script: ran');
try { show('parent', 'parent: READ ' + parent.document.title); } catch (e) { show('parent', 'parent: blocked (' + e.name + ')'); }
try { localStorage.setItem('runlens-hostile', '1'); show('storage', 'storage: READ'); } catch (e) { show('storage', 'storage: blocked (' + e.name + ')'); }
try {
  fetch('/mlflow/api/2.0/mlflow/experiments/search?max_results=1')
    .then(function (r) { return r.text(); })
    .then(function (t) { show('api', 'api: READ ' + t.slice(0, 40)); }, function (e) { show('api', 'api: blocked (' + e.name + ')'); });
} catch (e) { show('api', 'api: blocked (' + e.name + ')'); }
</script>
</body></html>
"""

HOSTILE_MLMODEL = """artifact_path: hostile
flavors:
  python_function:
    loader_module: !!js/function 'function () { window.__runlensPwned = true; return "mlflow.sklearn"; }'
    python_version: 3.11.7
mlflow_version: 3.17.2
run_id: !!js/undefined ''
"""

BROKEN_MLMODEL = """artifact_path: broken
flavors:
  python_function: {loader_module: mlflow.sklearn
  sklearn: [unclosed
mlflow_version: "3.17.2
"""

# Wrong types everywhere: flavors is a list, the signature is a number, sizes are strings.
WRONG_TYPES_MLMODEL = """flavors:
- python_function
- sklearn
signature: 42
model_size_bytes: lots
saved_input_example_info: not-a-mapping
utc_time_created: [2024]
"""

# A model the way MLflow 2.x writes it for a tensor model with params and an example given as
# (data, params), plus the Unity Catalog metadata/ copy that is not a model of its own.
TENSOR_MLMODEL = """artifact_path: tensor_model
flavors:
  python_function:
    loader_module: mlflow.pyfunc.model
    python_model: python_model.pkl
    python_version: 3.10.12
    env:
      conda: conda.yaml
      virtualenv: python_env.yaml
mlflow_version: 2.15.1
model_size_bytes: 2048
model_uuid: 0f0e0d0c0b0a09080706050403020100
utc_time_created: '2024-08-01 10:00:00.000000'
saved_input_example_info:
  artifact_path: input_example.json
  type: ndarray
  format: tf-serving
  params: true
  serving_input_path: serving_input_payload.json
signature:
  inputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 2]}, "name": "image"}]'
  outputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1]}}]'
  params: '[{"name": "temperature", "type": "float", "default": 0.5, "shape": null}]'
"""
TENSOR_INPUT_EXAMPLE = '{"inputs": {"image": [[0.5, 1.5], [2.5, 3.5]]}, "params": {"temperature": 0.7}}'
TENSOR_SERVING_PAYLOAD = '{"inputs": {"image": [[0.5, 1.5], [2.5, 3.5]]}, "params": {"temperature": 0.7}}'

MARKDOWN = """# Notes

Some **bold** text, a [link](https://mlflow.org) and a [bad link](javascript:alert(1)).

<script>alert('markdown')</script>
"""

SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" onload="alert('svg')">
<script>alert('svg script')</script>
<rect width="64" height="64" fill="#3b82f6"/>
</svg>
"""

# The smallest valid one-page PDF (xref offsets computed below).
def minimal_pdf() -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length 44 >>\nstream\nBT /F1 18 Tf 20 50 Td (Runlens PDF) Tj ET\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


FILES = {
    "hostile/report.html": HOSTILE_HTML.encode(),
    "hostile/logo.svg": SVG.encode(),
    "text/notes.md": MARKDOWN.encode(),
    "text/latin1.txt": "Café crème brûlée — à la carte\n".replace("—", "-").encode("latin-1"),
    "text/train.py": b"import mlflow\n\n\ndef train(alpha: float) -> None:\n    with mlflow.start_run():\n        mlflow.log_param('alpha', alpha)\n",
    "text/run.log": b"".join(b"epoch %d loss %.4f\n" % (i, 1 / (i + 1)) for i in range(200)),
    "data/metrics.json": b'{"accuracy": 0.93, "classes": ["setosa", "versicolor"], "nested": {"depth": {"deeper": [1, 2, {"deepest": null}]}}}',
    "data/config.yaml": b"model:\n  kind: svc\n  params:\n    C: 1.0\n    kernel: rbf\nseeds: [1, 2, 3]\n",
    "data/table.tsv": b"name\tscore\nalpha\t0.5\nbeta\t0.75\n",
    "data/broken.json": b'{"unterminated": [1, 2',
    "docs/report.pdf": minimal_pdf(),
    "nested/level-1/level-2/deep.txt": b"three folders down\n",
    "models/hostile/MLmodel": HOSTILE_MLMODEL.encode(),
    "models/broken/MLmodel": BROKEN_MLMODEL.encode(),
    "models/wrong-types/MLmodel": WRONG_TYPES_MLMODEL.encode(),
    "models/tensor_model/MLmodel": TENSOR_MLMODEL.encode(),
    "models/tensor_model/input_example.json": TENSOR_INPUT_EXAMPLE.encode(),
    "models/tensor_model/serving_input_payload.json": TENSOR_SERVING_PAYLOAD.encode(),
    "models/tensor_model/requirements.txt": b"mlflow==2.15.1\nnumpy==1.26.4\n",
    "models/tensor_model/metadata/MLmodel": TENSOR_MLMODEL.encode(),
}


def run(client):
    experiment_id = new_experiment(
        client, NAME,
        description="Artifacts to preview, gate or refuse: hostile HTML, 60 MB, broken MLmodel files.",
        tags={"team": "robustness"},
    )
    with tempfile.TemporaryDirectory() as tmp:
        for relative, content in FILES.items():
            target = os.path.join(tmp, relative)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as f:
                f.write(content)
        large = os.path.join(tmp, LARGE_FILE)
        os.makedirs(os.path.dirname(large), exist_ok=True)
        with open(large, "wb") as f:
            f.truncate(LARGE_SIZE)  # sparse zeros: instant to write
        with mlflow.start_run(experiment_id=experiment_id, run_name=RUN_NAME):
            mlflow.log_artifacts(tmp)
    mark_logged(client, experiment_id, VERSION)
    return describe(client, client.get_experiment(experiment_id))


def describe(client, experiment):
    manifest = base_manifest(experiment, VERSION)
    run_id = runs_by_name(client, experiment.experiment_id)[RUN_NAME].info.run_id
    manifest["runs"] = {"artifact_cases": run_id}
    manifest["run_artifacts"] = {"artifact_cases": artifact_paths(client, run_id)}
    manifest["large_file"] = {"path": LARGE_FILE, "size": LARGE_SIZE}
    return manifest
