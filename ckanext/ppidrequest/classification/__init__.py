"""Dataset classification (terbuka / terbatas / rahasia) and its
enforcement on every route out of CKAN.

- :mod:`.classes`   the classes, the Pasal 17 grounds, the "handled as" rule
- :mod:`.access`    who gets a dataset's data; redaction of dicts
- :mod:`.indexing`  search: indexed fields, permission labels, redaction of
  results, the classification facet
- :mod:`.history`   the classification history written after a save
- :mod:`.bulk`      ``ckan ppidrequest classify`` on an existing portal
- :mod:`.dcat`      the DCAT access-rights profile
"""
