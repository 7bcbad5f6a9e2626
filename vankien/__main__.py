"""``python -m vankien``: the same as the ``vankien`` command."""

from vankien.cli import main

main()
