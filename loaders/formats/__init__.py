"""Readers of each document format: bytes → plain text in the reading contract of
``loaders.read`` (paragraphs separated by blank lines in reading order, list numbers as
printed, data tables as Markdown pipe tables, layout tables flattened to lines, footnotes
as superscript-numbered lines after the body)."""
