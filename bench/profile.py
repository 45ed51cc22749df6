"""Profile one page's script run under AppTest with cProfile: `python -m bench.profile pages/x.py --data DIR`."""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
from pathlib import Path

from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

from bench.server_side import open_page

_profiler = cProfile.Profile()
_original = ScriptRunner._run_script


def _profiled(self, *args, **kwargs):
    # AppTest runs the script in its own thread; cProfile only sees the thread that enables it.
    _profiler.enable()
    try:
        return _original(self, *args, **kwargs)
    finally:
        _profiler.disable()


def profile_page(page: str, data: Path, *, years: tuple[int, int] | None = None, top: int = 25) -> str:
    """Warm up `page` on `data`, then profile one rerun (or one years-slider change); return the top entries."""
    os.environ["DASHBOARD_DATA_DIR"] = str(data)
    at = open_page(page)
    ScriptRunner._run_script = _profiled
    try:
        if years:
            at.slider(key="years").set_value(years).run()
        else:
            at.run()
    finally:
        ScriptRunner._run_script = _original
    out = io.StringIO()
    pstats.Stats(_profiler, stream=out).sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("page", help="e.g. pages/data_sources.py")
    parser.add_argument("--data", type=Path, default=Path("data"), help="data dir (e.g. a synthetic one)")
    parser.add_argument("--years", type=int, nargs=2, help="profile a change of the years slider instead")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    print(profile_page(args.page, args.data.resolve(), years=tuple(args.years) if args.years else None, top=args.top))


if __name__ == "__main__":
    main()
