"""How people see it: terminal timeline and summaries (figures, replay and MSEL follow)."""
