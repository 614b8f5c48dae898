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
    # The temporary server's task-run recorder flushes every 5 s by default; stopped in the
    # middle of a flush it logs "Error flushing events" with CancelledError tracebacks on a
    # successful run. Flushing often leaves nothing pending when the CLI stops it.
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_FLUSH_INTERVAL": "0.5",
    # A local Dask cluster logs every worker's start and stop at INFO, and a benign race on
    # shutdown ("Batched Comm Closed", CommClosedError) with a traceback; warnings and errors
    # still show. Worker processes inherit this through the environment.
    "DASK_LOGGING__DISTRIBUTED": "warning",
}.items():
    os.environ.setdefault(_key, _value)
