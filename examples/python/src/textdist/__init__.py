"""Edit distance between strings, computed by a small C extension."""

from textdist._levenshtein import distance

__all__ = ["distance"]
