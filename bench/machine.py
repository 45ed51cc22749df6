"""A description of the machine and software versions, for the record beside every result."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib.metadata import version
from pathlib import Path

from tests.browser.support import CHROMIUM

PACKAGES = ("streamlit", "plotly", "pandas", "pydantic", "pyyaml", "pyarrow", "playwright")


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _memory_gib() -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) / 1024 / 1024
    return float("nan")


def _chromium() -> str:
    try:
        if CHROMIUM is None:
            return "Playwright's build"
        out = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=20)
        return out.stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        return "not found"


def describe() -> dict[str, str]:
    """CPU, cores, memory, OS, Python, the pinned packages, chromium, and the load when the run started."""
    info = {
        "cpu": _cpu_model(),
        "cores (nproc)": str(os.cpu_count()),
        "memory": f"{_memory_gib():.1f} GiB",
        "os": f"{platform.system()} {platform.release()}, {platform.freedesktop_os_release().get('PRETTY_NAME', '')}",
        "python": platform.python_version(),
        "chromium": _chromium(),
        "load average": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }
    info.update({name: version(name) for name in PACKAGES})
    return info
