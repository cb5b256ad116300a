"""qisite on any engine: one generate step, and the two routes that hand its files to an engine.

- ``step``: ``generate(inputs, docs_pages, settings) -> Generated``, the pages, feeds
  and assets of a build from the loaded ``Inputs`` and the few engine settings they
  depend on. It opens no file; every route calls it.
- Route 1, a plugin: MkDocs and ProperDocs run ``qisite.plugin``, which adds the
  outputs to the engine's files.
- Route 2, a folder: for engines that run no MkDocs plugin (Zensical),
  ``qisite generate`` writes the docs folder merged with the outputs (``folder``)
  and a config that inherits mkdocs.yml and points at it (``config``); ``qisite build
  --engine`` runs the engine (``run``).

Both routes leave the rest to ``qisite.markdown_extension``, which each engine
loads: generated HTML kept out of Markdown's way, and its headings listed.
"""

from qisite.engines.step import EngineSettings, Generated, generate

__all__ = ["EngineSettings", "Generated", "generate"]
