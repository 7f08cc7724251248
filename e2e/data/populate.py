"""Logs Runlens's demo and test data (the seed tutorials and some edge cases) into an MLflow
tracking server through the real mlflow client.

    python e2e/data/populate.py --tracking-uri http://127.0.0.1:5000 [--manifest out.json] [--only NAME ...]

Idempotent: a scenario whose experiment was completely logged at the scenario's VERSION is
skipped, and its manifest fragment is rebuilt from the server, so the manifest is the same
either way. Scenarios run in parallel worker processes (see main()).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import sys
import time
import traceback
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

# Scenario modules (scenarios/<name>.py), in groups: each group runs in one worker process, its
# scenarios one after the other; the groups run in parallel. Add a new scenario to any group
# (or as a group of its own).
SCENARIO_GROUPS = [
    # Both log scikit-learn models through mlflow's model code, whose first use in a process
    # costs ~4.5 s of CPU (requirement inference, importing skops, reading every installed
    # package's metadata). In one process the second scenario reuses all of it.
    ["sklearn_autolog", "elasticnet_diabetes"],
    # Mostly the server's time: 20,000 metric points into its SQL store.
    ["training_dynamics", "many_runs"],
    # Hostile values in every field (the hostile-data e2e suite); a 1.5 MB CSV and a dozen files.
    ["hostile"],
    ["compare_max_depth", "kubeflow_svc", "edge_cases", "quickstart", "artifact_cases", "report_metrics", "sort_cases", "registry"],
]
SCENARIOS = [name for group in SCENARIO_GROUPS for name in group]


def check_server(tracking_uri: str) -> None:
    """Fails fast, with a readable message, before any slow import or mlflow's own retries
    (which would take minutes to give up on a server that is not there)."""
    if not tracking_uri.startswith(("http://", "https://")):
        sys.exit(f"populate.py: --tracking-uri must be the server's http:// or https:// address, not {tracking_uri!r}")
    url = f"{tracking_uri.rstrip('/')}/health"
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            response.read()
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        sys.exit(f"populate.py: cannot reach the MLflow tracking server at {tracking_uri} ({url}: {reason}).\n"
                 "Is `mlflow server` running there?")


def configure_environment(verbose: bool) -> None:
    """Environment for mlflow, set before it is imported (the workers inherit it)."""
    # mlflow 3 sends usage telemetry to its own web service; these scripts talk only to the
    # tracking server they are given.
    os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
    os.environ.setdefault("DO_NOT_TRACK", "true")
    # One line per scenario is the output; mlflow would print a link per run, and warnings.
    os.environ.setdefault("MLFLOW_SUPPRESS_PRINTING_URL_TO_STDOUT", "true")
    # The run context asks git for the commit of the directory the script runs in; without git
    # on PATH GitPython would warn on every run.
    os.environ.setdefault("GIT_PYTHON_REFRESH", "quiet")
    # Tiny models: extra BLAS threads only fight the other workers for two cores.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    if not verbose:
        import logging
        import warnings

        import mlflow  # noqa: F401 - configures its loggers on import; quieted after that

        warnings.filterwarnings("ignore")
        logging.getLogger("mlflow").setLevel(logging.ERROR)


def run_group(task: tuple) -> list[tuple]:
    """Runs in a worker process: each scenario of the group in turn (logs it, or describes it
    if it is already logged). A failure is reported, and the group's other scenarios still run."""
    names, tracking_uri, verbose = task
    configure_environment(verbose)
    return [run_scenario(name, tracking_uri) for name in names]


def run_scenario(module_name: str, tracking_uri: str) -> tuple:
    started = time.monotonic()
    try:
        import mlflow
        from mlflow import MlflowClient

        from scenarios._common import seeded_experiment

        module = importlib.import_module(f"scenarios.{module_name}")
        mlflow.set_tracking_uri(tracking_uri)
        client = MlflowClient(tracking_uri)
        experiment = seeded_experiment(client, module.NAME, module.VERSION)
        if experiment is not None:
            fragment, outcome = module.describe(client, experiment), "skipped"
        else:
            fragment, outcome = module.run(client), "logged"
        return module_name, fragment, outcome, time.monotonic() - started, None
    except Exception:  # noqa: BLE001 - reported by the parent, with the scenario's name
        return module_name, None, "FAILED", time.monotonic() - started, traceback.format_exc()


def available_scenarios() -> list[str]:
    """Checks that every scenarios/*.py is listed in SCENARIO_GROUPS, so a new one is not forgotten."""
    found = {m.name for m in pkgutil.iter_modules([os.path.join(HERE, "scenarios")]) if not m.name.startswith("_")}
    missing = sorted(found - set(SCENARIOS))
    if missing:
        sys.exit(f"populate.py: scenarios/{missing[0]}.py is not listed in SCENARIO_GROUPS in populate.py")
    return SCENARIOS


def choose(only: list[str]) -> list[str]:
    """`--only` takes a module name (edge_cases) or its dashed form (sklearn-autolog)."""
    scenarios = available_scenarios()
    if not only:
        return scenarios
    wanted = {name.replace("-", "_") for name in only}
    unknown = sorted(wanted - set(scenarios))
    if unknown:
        sys.exit(f"populate.py: unknown scenario {unknown[0]!r}; choose from {', '.join(scenarios)}")
    return [name for name in scenarios if name in wanted]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tracking-uri", required=True, help="e.g. http://127.0.0.1:5000")
    parser.add_argument("--manifest", help="write the ids of what was logged, by scenario, to this JSON file")
    parser.add_argument("--only", action="append", default=[], metavar="NAME", help="log only this scenario (repeatable)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="parallel worker processes (default: one per core)")
    parser.add_argument("--verbose", action="store_true", help="keep mlflow's own logging")
    args = parser.parse_args()

    chosen = choose(args.only)
    check_server(args.tracking_uri)
    started = time.monotonic()

    # Parallel processes, not threads: mlflow's active run and autolog are per process. One
    # worker per core: on two cores a third worker measured ~1 s slower (the server needs CPU
    # too, about a third of it while the data is logged). On Linux the workers are forked from
    # this process after it has imported mlflow, scikit-learn and the scenarios (~2 s), so they
    # do not each import them again. Elsewhere (fork is unsafe on macOS), or with
    # RUNLENS_SEED_START_METHOD=spawn, each worker starts a fresh interpreter. Every group gets
    # a new process (maxtasksperchild=1), so no mlflow state carries over between groups.
    import multiprocessing

    start_method = os.environ.get("RUNLENS_SEED_START_METHOD") or ("fork" if sys.platform == "linux" else "spawn")
    context = multiprocessing.get_context(start_method)
    if start_method == "fork":
        configure_environment(args.verbose)
        for name in chosen:
            importlib.import_module(f"scenarios.{name}")  # imports mlflow and scikit-learn

    manifest, failures = {}, []
    groups = [[name for name in group if name in chosen] for group in SCENARIO_GROUPS]
    tasks = [(group, args.tracking_uri, args.verbose) for group in groups if group]
    with context.Pool(processes=max(1, min(args.workers, len(tasks))), maxtasksperchild=1) as pool:
        # Reported as groups finish; the manifest is sorted when written.
        for results in pool.imap_unordered(run_group, tasks):
            for name, fragment, outcome, seconds, error in results:
                print(f"  {outcome:8} {name:20} {seconds:5.1f} s", flush=True)
                if error:
                    failures.append((name, error))
                else:
                    manifest[name] = fragment

    total = time.monotonic() - started
    if failures:
        for name, error in failures:
            print(f"\n--- scenario {name} failed:\n{error}", file=sys.stderr)
        sys.exit(f"populate.py: {len(failures)} of {len(chosen)} scenarios failed; no manifest written")
    if args.manifest:
        with open(args.manifest, "w", encoding="utf-8") as f:
            # allow_nan=False: JSON.parse would reject NaN; scenarios spell such values as strings.
            json.dump(manifest, f, indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False)
            f.write("\n")
    print(f"populate.py: {len(chosen)} scenarios in {total:.1f} s ({args.tracking_uri})", flush=True)


if __name__ == "__main__":
    main()
