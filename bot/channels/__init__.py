"""Channels translate between a platform and the neutral message model, and do nothing else."""
