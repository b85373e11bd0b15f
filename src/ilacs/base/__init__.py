"""The foundation beneath every layer: validators, wording and the structuring engine.

What lives here knows no framework, record or rule: the attrs validators that every
value class uses (:mod:`ilacs.base.validators`), how dates and counts are written in
words (:mod:`ilacs.base.text`), and the one cattrs converter that turns JSON-shaped
data into attrs values and back (:mod:`ilacs.base.converter`, generic machinery that
knows no model class). Modules here import only :mod:`ilacs.errors` and each other.
"""
