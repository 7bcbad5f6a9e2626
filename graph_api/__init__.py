"""vankien graph_api."""
