"""sitroom: a situation room for news."""
__version__ = "0.1.0"
