"""The evaluation set of benchmarks/eval/ as a regression guard (scores, not answers).

The set holds several hundred news-style sentences from many conflicts, annotated under
docs/parsing.md. This test only checks that the scores stay above the project's targets;
benchmarks/evaluate.py prints them in full.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from osint_claims import extract_quantities

ROOT = Path(__file__).resolve().parent.parent


def _scorer() -> ModuleType:
    # The script imports its neighbour _context, as it does when run from benchmarks/.
    if str(ROOT / "benchmarks") not in sys.path:
        sys.path.insert(0, str(ROOT / "benchmarks"))
    spec = importlib.util.spec_from_file_location("evaluate", ROOT / "benchmarks" / "evaluate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["evaluate"] = module
    spec.loader.exec_module(module)
    return module


def test_scores_stay_above_the_targets() -> None:
    scorer = _scorer()
    examples = scorer.load_examples(ROOT / "benchmarks" / "eval" / "quantities.jsonl")
    assert len(examples) >= 300
    report = scorer.evaluate(examples, extract_quantities)
    assert report.errors == 0
    assert report.forbidden == 0
    for level, target in (("A", 0.95), ("B", 0.90)):
        tally = report.tallies[level]
        assert tally.matched / tally.predicted >= target, f"precision {level}"
        assert tally.matched / tally.gold >= target, f"recall {level}"
