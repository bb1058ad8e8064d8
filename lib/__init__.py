"""Triangulate: read a folder of news reports into a timeline, actor positions and source comparisons."""

__version__ = "0.1.0"
