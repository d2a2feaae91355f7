"""Figures as positions over time: where a figure stands (side, period), money in dollars,
disputes (same measure, same period, incompatible values) and trajectories."""
