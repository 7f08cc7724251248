"""Seed scenarios: one module per workflow (see ../README.md).

Each module exposes:
    NAME     the experiment's name (exactly what the UI shows)
    VERSION  bump it to log the scenario again into a store that already has it
    run(client) -> dict       logs the scenario, then returns describe(client, experiment)
    describe(client, experiment) -> dict
                              rebuilds the manifest fragment from the server alone, so a
                              skipped scenario yields the same fragment as a fresh one
"""
