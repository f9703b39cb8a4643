"""Story monitor: watch coverage of one developing story and report what changed."""

__version__ = "0.1.0"
