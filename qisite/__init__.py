"""qisite: a portal for an NHS Quality Improvement Academy, built from one curriculum.yaml."""

__version__ = "0.1.0"
