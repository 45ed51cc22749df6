"""Render nginx.conf.template: `python -m deploy.nginx --listen 8080 --prefix DIR 127.0.0.1:8501 127.0.0.1:8502`."""

from __future__ import annotations

import argparse
from pathlib import Path

TEMPLATE = Path(__file__).with_name("nginx.conf.template")


def render(replicas: list[str], *, listen: str, prefix: Path | str) -> str:
    """The load balancer's config for these replicas (host:port); a replica that fails is skipped for 10 s."""
    servers = "\n".join(f"        server {address} max_fails=1 fail_timeout=10s;" for address in replicas)
    text = TEMPLATE.read_text(encoding="utf-8")
    return text.replace("{{prefix}}", str(prefix)).replace("{{listen}}", listen).replace("{{servers}}", servers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("replicas", nargs="+", help="host:port of each Streamlit replica")
    parser.add_argument("--listen", default="8080", help="nginx listen address (default 8080)")
    parser.add_argument("--prefix", default="/var/lib/nginx", help="folder for logs and temp files")
    args = parser.parse_args()
    print(render(args.replicas, listen=args.listen, prefix=args.prefix))


if __name__ == "__main__":
    main()
