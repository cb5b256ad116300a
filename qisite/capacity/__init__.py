"""Capacity planning: targets, the guide's rules of thumb, progress counts, the capacity check.

Pure functions over the validated model; nothing here knows about MkDocs or HTML.
"""
