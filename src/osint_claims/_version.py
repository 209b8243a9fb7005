"""The single place that states the package version."""

__version__ = "0.2.0.dev0"
