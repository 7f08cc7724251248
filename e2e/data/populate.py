"""Logs the demo and test data (the seed tutorials, ../../shared/seeds) into a tracking server
with the real mlflow client.

    python e2e/data/populate.py --tracking-uri http://127.0.0.1:5000 [--manifest out.json] [--only NAME ...]

Idempotent: a scenario whose experiment was already logged at the same VERSION is skipped (its
manifest is read back from the experiment's tags). Scenarios run in parallel processes: mlflow's
autolog state is per process, and model logging is CPU-bound.
"""

import argparse
import json
import os
import sys
import time
import urllib.request
from concurrent.futures import ProcessPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from scenarios import (  # noqa: E402
    compare_max_depth,
    edge_cases,
    elasticnet,
    kubeflow_svc,
    quickstart,
    sklearn_autolog,
    training_dynamics,
)

# Slowest first, so the pool finishes early. Add a scenario here to include it.
SCENARIOS = [sklearn_autolog, elasticnet, kubeflow_svc, training_dynamics, compare_max_depth, quickstart, edge_cases]


def run_scenario(module_name: str, tracking_uri: str):
    # Imported in the worker so each process configures mlflow for itself.
    os.environ.setdefault("GIT_PYTHON_REFRESH", "quiet")
    import mlflow
    from mlflow import MlflowClient

    from scenarios.common import logged_manifest

    module = sys.modules.get(module_name) or __import__(module_name, fromlist=["run"])
    mlflow.set_tracking_uri(tracking_uri)
    client = MlflowClient(tracking_uri)
    started = time.time()
    manifest = logged_manifest(client, module.NAME, module.VERSION)
    if manifest is not None:
        return module.NAME, manifest, "skipped", time.time() - started
    return module.NAME, module.run(client), "logged", time.time() - started


def check_server(tracking_uri: str) -> None:
    try:
        with urllib.request.urlopen(f"{tracking_uri.rstrip('/')}/health", timeout=10) as response:
            response.read()
    except Exception as error:  # noqa: BLE001 - any failure means the same thing here
        sys.exit(f"populate: cannot reach the tracking server at {tracking_uri}: {error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tracking-uri", required=True)
    parser.add_argument("--manifest", help="write what was logged (ids by scenario) to this JSON file")
    parser.add_argument("--only", action="append", default=[], help="scenario module name, e.g. quickstart")
    parser.add_argument("--workers", type=int, default=min(3, os.cpu_count() or 1))
    args = parser.parse_args()
    check_server(args.tracking_uri)

    chosen = [m for m in SCENARIOS if not args.only or m.__name__.split(".")[-1] in args.only]
    started = time.time()
    manifest = {}
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        futures = [pool.submit(run_scenario, m.__name__, args.tracking_uri) for m in chosen]
        for module, future in zip(chosen, futures):
            name, fragment, outcome, seconds = future.result()
            manifest[module.__name__.split(".")[-1]] = fragment
            print(f"  {outcome:7} {name}  ({seconds:.1f} s)", flush=True)
    print(f"populate: {len(chosen)} scenarios in {time.time() - started:.1f} s", flush=True)
    if args.manifest:
        with open(args.manifest, "w") as f:
            json.dump(manifest, f, indent=2, sort_keys=True)


if __name__ == "__main__":
    main()
