"""Building the finder's named tuples cheaply.

A NamedTuple's own constructor is a Python function: it takes keywords and fills in
defaults, and costs several times as much as the tuple it builds. The finder builds one for
every quoted span, segment, name and mention of every article, so where it builds them by
the thousand it calls :data:`new_tuple` instead, with the class and every field in order:
``new_tuple(NameParts, (name, honorific, title, organization, gender))``.
"""

new_tuple = tuple.__new__
