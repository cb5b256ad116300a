"""What a build published, kept from one build to the next (``publication.json``).

Pure: nothing here opens a file. The input step reads a previous manifest
(``Manifest.from_json``); the site writes the new one (``Manifest.to_json``).
"""

from qisite.publication.manifest import (
    FORMAT,
    AudienceEntry,
    Manifest,
    ManifestError,
    ModuleEntry,
    Published,
    Sitting,
    SittingEntry,
    build_manifest,
    carry_forward,
)

__all__ = [
    "FORMAT",
    "AudienceEntry",
    "Manifest",
    "ManifestError",
    "ModuleEntry",
    "Published",
    "Sitting",
    "SittingEntry",
    "build_manifest",
    "carry_forward",
]
