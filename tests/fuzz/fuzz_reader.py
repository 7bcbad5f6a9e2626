"""Fuzz the reader and the extraction with atheris (libFuzzer): bytes → ``loaders.read.decode`` →
``from_text`` → ``loaders.extract_source``. Only ``InputError`` (a refused file, with its reason) may
come out; any other exception, or a case slower than ``-timeout``, is a finding (libFuzzer writes it
to ``crash-…`` / ``timeout-…``).

    .venv/bin/python tests/fuzz/fuzz_reader.py -max_total_time=20 -max_len=8192 -timeout=10 [CORPUS_DIR ...]

Seeds: give a corpus folder (``tests/fuzz/test_fuzz_reader.py`` copies ``data/corpus/dev`` into one).
Importing this module has no side effect (pytest collects it for doctests); atheris is loaded by ``main``.
"""

from __future__ import annotations

import sys

from loaders import extract_source
from loaders.read import decode, from_text, normalise
from core.errors import InputError

atheris = None  # set by main()


def test_one_input(data: bytes) -> None:
    """One fuzz case: the bytes as a file's content, or as already decoded text."""
    fdp = atheris.FuzzedDataProvider(data)
    if fdp.ConsumeBool():
        text = fdp.ConsumeUnicodeNoSurrogates(len(data))
    else:
        try:
            text = decode(fdp.ConsumeBytes(len(data)), "fuzz.txt")
        except InputError as e:
            assert e.reason and "\n" not in e.reason, e.reason
            return
    src = from_text(text, name="fuzz.txt")
    assert len(src.match) == len(src.text)
    doc = extract_source(src)
    for c in doc.citations:
        assert c.symbol and all(0 <= a < b <= len(src.text) for a, b in c.mentions), c
    normalise(text)


def main(argv: list[str]) -> None:
    """Run libFuzzer with ``argv`` (its own options and corpus folders)."""
    global atheris
    import atheris as _atheris

    atheris = _atheris
    import loaders.extract  # noqa: F401  (every stage is loaded, then instrumented for coverage)
    import loaders.resolve  # noqa: F401
    import loaders.structure  # noqa: F401

    atheris.instrument_all()
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
