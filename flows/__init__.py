"""Prefect flows and the CLI: wiring only, the logic lives in scrapers/transforms/warehouse.

Prefect settings are defaulted here, before Prefect is imported, so an offline run needs no
configuration: no analytics or telemetry calls (they fail offline and print errors) and no
UI for the temporary server. Users' own PREFECT_* variables still win.
"""

import os

for _key, _value in {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_UI_ENABLED": "false",
    "PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY": "false",
    "PREFECT_TELEMETRY_ENABLE_RESOURCE_METRICS": "false",
}.items():
    os.environ.setdefault(_key, _value)
