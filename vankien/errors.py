"""Old import path of :mod:`core.errors`, kept while ``loaders/read.py`` still imports it from here.

Delete this module once no ``loaders`` module imports ``vankien.errors`` (see docs/ARCHITECTURE.md).
"""

from core.errors import *  # noqa: F403
from core.errors import __all__  # noqa: F401
