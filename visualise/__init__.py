"""vankien visualise."""
