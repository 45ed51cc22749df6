"""The deployment files say what deploy/README.md promises: health checks, a non-root user, affinity."""

from __future__ import annotations

import subprocess

import yaml

from deploy.nginx import render
from tests.browser.support import REPO

DEPLOY = REPO / "deploy"


def test_nginx_config_renders_and_nginx_accepts_it(nginx_binary, tmp_path):
    """The rendered template passes `nginx -t`, upgrades the WebSocket and hashes on the route cookie."""
    text = render(["127.0.0.1:18501", "127.0.0.1:18502"], listen="127.0.0.1:18080", prefix=tmp_path)
    (tmp_path / "nginx.conf").write_text(text)
    command = [nginx_binary, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")]
    command += ["-g", f"pid {tmp_path}/nginx.pid;"]
    subprocess.run(command, check=True, capture_output=True)
    assert "hash $route consistent;" in text and "server 127.0.0.1:18502" in text
    assert "proxy_set_header Upgrade $http_upgrade;" in text and "proxy_http_version 1.1;" in text


def test_kubernetes_example_probes_health_and_pins_sessions():
    """Deployment probes /_stcore/health, the Ingress has cookie affinity, and the replica count is a number."""
    deployment, service, ingress = yaml.safe_load_all((DEPLOY / "kubernetes.yaml").read_text())
    assert [d["kind"] for d in (deployment, service, ingress)] == ["Deployment", "Service", "Ingress"]
    assert isinstance(deployment["spec"]["replicas"], int)
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"]["path"] == "/_stcore/health"
    assert ingress["metadata"]["annotations"]["nginx.ingress.kubernetes.io/affinity"] == "cookie"


def test_dockerfile_runs_headless_as_a_user_with_a_health_check():
    """The image installs from the hashed lock, runs as a non-root user and checks /_stcore/health."""
    text = (DEPLOY / "Dockerfile").read_text()
    assert "--require-hashes" in text and "requirements/app.lock" in text
    assert "\nUSER app\n" in text and "HEALTHCHECK" in text and "/_stcore/health" in text
    assert "--server.headless=true" in text
