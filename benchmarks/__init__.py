"""Build benchmarks: synthetic academies of growing size against a bare Material baseline."""
