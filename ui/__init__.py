"""The annotator desktop app (Qt); a thin layer over the annotator core."""
