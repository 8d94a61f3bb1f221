"""``python -m chancery`` runs the command line."""

from chancery.cli import run

run()
