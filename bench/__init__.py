"""Scale benchmarks of vankien: the synthetic corpus generator (``bench.synth``) and the harnesses."""
