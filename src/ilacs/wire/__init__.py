"""The wire format, an edge: versioned JSON and YAML documents and their JSON Schema.

:mod:`ilacs.wire.serialisation` reads and writes documents of every type (and owns
their envelope and schema version); :mod:`ilacs.wire.schema` writes the JSON Schema
of a document type from the model. Users import it as :mod:`ilacs.serialisation`.
It may import the base, frameworks, model and reasoning layers, never another edge.
"""
