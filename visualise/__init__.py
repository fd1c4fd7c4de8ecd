"""Maps and exports: a networkx (sub)graph as an offline HTML map or a file for other tools.

``focus.select(backend, Focus(...))`` picks the part of the graph; ``html_map``
writes the interactive map; ``exports`` and ``cypher_script`` write GraphML,
GEXF, node-link JSON, CSV and a Cypher script. See docs/maps.md.
"""
