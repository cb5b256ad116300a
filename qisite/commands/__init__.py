"""Sub-commands of the ``qisite`` console command, one module each.

Each module has ``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``.
"""
