"""vankien: a knowledge graph of Vietnamese Party and state documents.

The public API (:mod:`vankien.api`): ``from vankien import extract, load, open_store, trace``.
"""

from vankien.api import extract, load, open_store, trace

__version__ = "0.1.0"
__all__ = ["extract", "load", "open_store", "trace", "__version__"]
