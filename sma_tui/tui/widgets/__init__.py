"""Reusable widgets: keyboard lists, claim browsers, panes, breadcrumb, chart, status panels."""
