"""The planner: rules that take a sqlglot tree and return a tree, and the distributed Plan they build."""
