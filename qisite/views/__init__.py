"""Views derived from the curriculum model: pure functions, no MkDocs, no HTML."""
