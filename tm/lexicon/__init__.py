"""Language resources: CC-CEDICT tables (glosses, definitions, acronyms) and their cache,
pinyin readings, and a jieba tokenizer owned by its caller. Used by the aligner, term
extraction and the checks; nothing here knows about alignment.

Submodules load their libraries lazily: importing this package costs nothing.
"""
