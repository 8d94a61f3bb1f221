"""Chancery: a self-hosted digital archive for translated historical documents."""

__version__ = "0.1.0"
