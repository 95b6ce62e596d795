"""Text handling shared by every layer, none of it knowing about files or the memory: script
(script.py), folding (fold.py), English stems and stop words (english.py), Simplified/
Traditional and singular/plural variants (variants.py), numbers and dates in both scripts
(numbers.py)."""
