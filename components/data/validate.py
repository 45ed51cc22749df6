"""Command line: validate data/ and print every problem, or a one-line summary when all is well."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from components.data.loading import DEFAULT_DATA_DIR, load_dataset
from components.data.stories import load_stories


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", nargs="?", default=str(DEFAULT_DATA_DIR), help="folder to check (default: data/)")
    args = parser.parse_args(argv)
    dataset = load_dataset(Path(args.data_dir))
    stories = load_stories(dataset)
    problems = dataset.problems + stories.problems
    for problem in problems:
        print(problem)
    if problems:
        print(f"\n{len(problems)} problem(s); {dataset.left_out()}.", file=sys.stderr)
        return 1
    print(f"OK: {dataset.summary()}; {len(stories.stories)} stories.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
