"""learning-city-graph: a knowledge graph of who works with whom in a learning city region."""

__version__ = "0.1.0"
