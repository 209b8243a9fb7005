"""One ``extract_quantities`` call on the throughput text, for an instruction count.

Wall-clock time on a shared machine moves by a third from run to run; the instructions one
call executes do not. Run from the repository root under valgrind, counting only inside
the call (it is made through ``functools.reduce``, which nothing else here uses)::

    valgrind --tool=callgrind --collect-atstart=no --toggle-collect=functools_reduce \\
        --callgrind-out-file=/tmp/callgrind.out python benchmarks/instructions.py --size-mb 0.5

and read "Collected" (divide by the size in MB). The text is built as in ``throughput.py``.
"""

from __future__ import annotations

import argparse
import functools

from _context import REPO_ROOT, osint_claims
from throughput import MB, build_text, load_seeds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=float, default=0.5, help="text size (default 0.5)")
    args = parser.parse_args()
    text, _ = build_text(load_seeds(REPO_ROOT / "seeds"), int(args.size_mb * MB))
    osint_claims.extract_quantities(text[:20_000])  # compile and warm up outside the count

    def extract(_: None, __: int) -> None:
        osint_claims.extract_quantities(text)

    functools.reduce(extract, range(1), None)  # called once


if __name__ == "__main__":
    main()
