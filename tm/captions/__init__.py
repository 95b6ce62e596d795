"""Captions: cue pairing by time, sentences, profiles, caption checks, and writing tracks."""
