"""Sentence alignment of English with Chinese: lexicon, scoring signals, DP over beads,
evaluation against a gold alignment."""

from tm.align.aligner import Alignment, Bead, align_segments
from tm.align.evaluate import Scores, evaluate, read_beads

__all__ = ["Alignment", "Bead", "Scores", "align_segments", "evaluate", "read_beads"]
