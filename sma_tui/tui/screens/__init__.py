"""The screens: the main three-pane screen, the drill-downs, search and help."""
