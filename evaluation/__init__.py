"""Quality measurements on the annotated data in ../shared/data (run by hand or by the gate)."""
