"""W3C Protocol and Graph Store Protocol tests that vankien answers otherwise, each with the section of the
specification that allows it. A listed case must keep failing in the way described (the runner checks it)."""

from __future__ import annotations

#: test id → (spec section, why)
DEVIATIONS: dict[str, tuple[str, str]] = {}
