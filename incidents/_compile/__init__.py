"""Private: code generated at run time from the record classes, for speed.

Just above the model in the layering (``docs/architecture.md``): it reads the model's field
checks and writes Python source for them, one function per record class, run through
:func:`~incidents._compile.codegen.define`: the loaders that check and build records in one
pass (:mod:`~incidents._compile.loaders`), the walkers of the semantic layer
(:mod:`~incidents._compile.semantic_plan`), and the garbage-collector pause that building
many records at once needs (:mod:`~incidents._compile.gc_pause`).
"""
