"""Duplication: the same organisation under several names, and projects that duplicate each other.

``names`` and ``duplicates`` find duplicate records; ``overlaps`` finds
overlapping projects; ``candidates`` is the sparse top-k join both use instead
of all pairs; ``weights`` holds every weight and threshold; ``decisions`` keeps
reviewed pairs; ``records`` turns any backend's primitives into what scoring reads.
"""
