"""Write ``docs/w3c-results.md`` from the outcomes of the last run of ``tests/test_w3c_protocol.py`` and
``tests/test_w3c_graph_store.py`` (``test-artifacts/w3c/*.json``).

    .venv/bin/python -m pytest tests/test_w3c_protocol.py tests/test_w3c_graph_store.py -q
    .venv/bin/python tests/w3c/report.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE.parent))

from w3c.deviations import DEVIATIONS  # noqa: E402
from w3c.graph_store_cases import CASES as GSP  # noqa: E402
from w3c.protocol_cases import CASES as PROTOCOL  # noqa: E402

SUITES = [("protocol", "SPARQL 1.1 Protocol", PROTOCOL), ("graph_store", "SPARQL 1.1 Graph Store HTTP Protocol", GSP)]


def main() -> int:
    lines = [
        "# W3C test suites: results",
        "",
        "The SPARQL 1.1 Protocol and Graph Store HTTP Protocol tests of the W3C "
        "([w3c/rdf-tests](https://github.com/w3c/rdf-tests), `sparql/sparql11/protocol` and "
        "`sparql/sparql11/graph-store-protocol`, vendored in `tests/w3c/` with their licence), run by "
        "`tests/test_w3c_protocol.py` and `tests/test_w3c_graph_store.py` against a real `vankien serve` "
        "(`/sparql` for queries and updates, `/graph` for the Graph Store). This page is written by "
        "`tests/w3c/report.py` from the last run. The older `sparql11/http-rdf-update` manifest is not run: it marks "
        "every one of its tests deprecated in favour of `graph-store-protocol`.",
        "",
    ]
    totals = []
    for suite, title, cases in SUITES:
        path = ROOT / "test-artifacts" / "w3c" / f"{suite}.json"
        outcomes = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        passed = deviations = missing = failed = 0
        rows = []
        for case in cases:
            outcome = outcomes.get(case["id"])
            if outcome is None:
                result, missing = "not run", missing + 1
            elif not outcome["problems"]:
                result, passed = "pass", passed + 1
            elif case["id"] in DEVIATIONS:
                section, why = DEVIATIONS[case["id"]]
                result, deviations = f"deviation — {section}: {why}", deviations + 1
            else:
                result, failed = "FAIL: " + "; ".join(outcome["problems"])[:200], failed + 1
            rows.append(f"| `{case['id']}` | {case['name']} | {result} |")
        totals.append(
            f"{title}: {passed} pass, {deviations} deviations, {failed} fail, {missing} not run of {len(cases)}"
        )
        lines += [f"## {title}", "", "| test | name | result |", "|---|---|---|", *rows, ""]
    lines[4:4] = ["**Totals** — " + "; ".join(totals) + ".", ""]
    (ROOT / "docs" / "w3c-results.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(totals))
    return 0


if __name__ == "__main__":
    sys.exit(main())
