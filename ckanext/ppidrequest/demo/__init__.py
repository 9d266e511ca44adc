"""The demo portal of a fictional regency, Kabupaten Sukamaju, as its own
CKAN plugin ``ppidrequest_demo``.

It is a separate plugin because seeding is not safe on a real portal: it
makes ``admin`` a sysadmin and gives every demo account the published demo
password. Only ``demo.ini`` (and the tests that need it) enable it; without
it, ``ckan ppidrequest-demo`` does not exist.

- :mod:`.plugin`      the plugin: the command, its config option, validator
- :mod:`.cli`         ``ckan ppidrequest-demo seed``
- ``data/*.yaml``     the content: organizations, groups, users, datasets,
                      classification proposals, requests
- :mod:`.catalogue`   reads ``data/`` and checks it
- :mod:`.tables`      generates the datasets' CSV files
- :mod:`.seed`        creates or repairs the portal through CKAN actions
- :mod:`.requests`    walks the demo requests through the workflow's actions
- :mod:`.validators`  the demo password option's validator
"""
