"""Terminology: extraction of term pairs from aligned text, and the review workflow."""
