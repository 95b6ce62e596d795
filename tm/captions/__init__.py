"""Captions as a first-class input: cues of two tracks paired by time (`timing`), merged into
sentences for the memory (`sentences`, `align`), and checked against a style profile
(`profiles`, `rules`). `tm align` and `tm check` both pair cues through `timing.pair_cues`."""
