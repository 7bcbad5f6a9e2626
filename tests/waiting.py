"""Waiting in tests: on a condition, with a timeout — never a fixed sleep."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

import httpx

T = TypeVar("T")


def wait_until(condition: Callable[[], T], *, timeout: float, what: str = "the condition", interval: float = 0.05) -> T:
    """The first true value of ``condition()``, looked at every ``interval`` s; ``TimeoutError`` after ``timeout`` s.
    ``condition`` may raise to stop the wait (e.g. the process it waits for died)."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} did not happen within {timeout:g} s")
        time.sleep(interval)  # the one pause of the tests: between two looks at a condition


def answers(url: str, **kwargs: object) -> bool:
    """Whether ``url`` answers 200 now (False while nothing listens)."""
    try:
        return httpx.get(url, timeout=2, **kwargs).status_code == 200  # type: ignore[arg-type]
    except httpx.HTTPError:
        return False
