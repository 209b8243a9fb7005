"""Make the test helpers (``tables``) importable, and set how hypothesis runs.

Hypothesis's per-example deadline is a timing assertion, and timings on a shared machine
swing by several times; speed is measured in ``benchmarks/``, never in tests. Linear time
is checked there too (``benchmarks/adversarial.py``); here an input that never ends fails
by the test run's own time limit.
"""

import sys
from pathlib import Path

from hypothesis import settings

sys.path.insert(0, str(Path(__file__).parent))

settings.register_profile("osint_claims", deadline=None)
settings.load_profile("osint_claims")
