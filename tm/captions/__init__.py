"""Captions as a first-class input: cues of two tracks paired by time (`timing`), merged into
sentences for the memory (`sentences`, `align`), checked against a style profile
(`profiles`, `rules`), and written back out with their cue ids and notes (`writer`).
`tm align` and `tm check` both pair cues through `timing.pair_cues`."""
