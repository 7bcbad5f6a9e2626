"""vankien loaders."""
