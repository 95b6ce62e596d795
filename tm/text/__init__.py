"""Text normalisation shared by the aligner and the checks: numbers and dates in both scripts."""
