"""capexgraph: a knowledge graph of the AI build-out, read from financial news."""

__version__ = "0.1.0"
