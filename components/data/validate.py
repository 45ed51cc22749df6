"""Command line: validate data/ and print every problem, or a one-line summary when all is well."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from components.data.loading import DATA_DIR_ENV, data_dir, load_dataset
from components.data.stories import load_stories


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    default = f"${DATA_DIR_ENV} when set, else data/"
    parser.add_argument("data_dir", nargs="?", type=Path, help=f"folder to check (default: {default})")
    args = parser.parse_args(argv)
    dataset = load_dataset(args.data_dir or data_dir())
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
