"""Fixtures for the deployment tests: nginx from the system (the browser comes from tests/conftest.py)."""

from __future__ import annotations

import shutil

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/deploy" in str(item.fspath):
            item.add_marker(pytest.mark.deploy)


@pytest.fixture(scope="session")
def nginx_binary() -> str:
    """nginx, which `make test` installs when it can; skipped only where it could not be installed."""
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if not found:
        pytest.skip("nginx is not installed and could not be (`apt-get install -y nginx-light` as root)")
    return found
