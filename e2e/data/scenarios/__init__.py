"""Seed scenarios: one module per tutorial workflow (see ../README.md)."""
