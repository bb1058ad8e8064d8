"""Triangulate: read a folder of news reports into a timeline, actor positions and source comparisons.

The packages follow a document from file to page: ``read`` (files to documents), ``text`` (shared
language tools), ``extract`` (actors, quotes, dates, events, numbers, positions), ``compare``,
``store`` (the Parquet store, its queries and the parallel ingest) and ``view`` (filters, URLs,
frames, charts, exports). Developer tools live apart, in the top-level ``tools`` package.
"""

from pathlib import Path

__version__ = "0.1.0"

ROOT = Path(__file__).resolve().parent
LEXICONS = ROOT / "lexicons"  # data an analyst can edit
