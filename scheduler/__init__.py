"""Time-driven work. The database is the truth; APScheduler only ticks (design principle 5)."""
