"""The input step: an academy's files read once into one frozen ``Inputs``, then checked.

``load_inputs(path)`` opens ``curriculum.yaml``, the session and progress CSV
files it names, the built-in IHI Open School list and the translation files of
the academy's language, each once; builds the
curriculum (``structure``: pydantic's errors in an organiser's words); runs the
cross-checks of ``qisite.validation`` on the result; and hands back ``Loaded``:
the ``Inputs`` and every problem, each with its file, line and column.

This is the only package (with the commands and the plugin above it) that opens a
file. Everything below it (``model``, ``yaml_source``, ``views``, ``sessions``,
``capacity``, ``validation``) works on what it read; ``tests/test_layers.py``
holds the order.
"""

from qisite.inputs.load import Loaded, display_path, inputs_of, load_inputs

__all__ = ["Loaded", "display_path", "inputs_of", "load_inputs"]
