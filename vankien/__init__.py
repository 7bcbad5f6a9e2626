"""vankien: a knowledge graph of Vietnamese Party and state documents."""

__version__ = "0.1.0"
