"""Shared test builders: imported by test modules as ``tests.helpers.<module>``, never from conftest."""
