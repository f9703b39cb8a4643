"""A CheckList-style behavioural suite for the claim judgement (see suite.py)."""
