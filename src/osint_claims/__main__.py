"""``python -m osint_claims``: the command line of :mod:`osint_claims.cli`."""

import sys

from .cli import main

# Guarded: pytest imports every module to collect doctests, and must not run the program.
if __name__ == "__main__":
    sys.exit(main())
